import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  FlowHops,
  RegistryKeys,
  Topics,
  type CloudEvent,
  type StatusChanged,
} from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { Kafka, Message, Producer } from 'kafkajs';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { connectedProducer, testKafka } from './support/kafka-probe';
import { flowRecord, publishFlowRecords, startOps, type RunningOps } from './support/ops-harness';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

const run = randomUUID().slice(0, 6);
const agency = `parkir${run}`;
const service = testServiceDescriptor(agency);
const lateService = testServiceDescriptor(agency, 'layanan-susulan');

function event(type: string, data: unknown, subject?: string): CloudEvent {
  return {
    id: randomUUID(),
    source: EventSources.adapter(agency),
    type,
    specversion: CLOUDEVENTS_SPEC_VERSION,
    time: new Date().toISOString(),
    subject,
    data,
  };
}

function statusReport(applicationId: string, report: Partial<StatusChanged>): Message {
  const data: StatusChanged = {
    applicationId,
    serviceCode: service.code,
    status: 'DELIVERED',
    occurredAt: new Date().toISOString(),
    ...report,
  };
  return encodeCloudEvent(event(EventTypes.statusChanged, data, applicationId), applicationId);
}

interface ParkedRow {
  reason: string;
  error: string;
  value_preview: string | null;
}

function parked(schema: 'gateway' | 'ops', consumer: string, key: string): Promise<ParkedRow[]> {
  return withDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT reason, error, value_preview FROM ${schema}.parked_message
        WHERE consumer = $1 AND message_key = $2 ORDER BY kafka_offset`,
      [consumer, key],
    );
    return rows as ParkedRow[];
  });
}

describe('consumers park what they cannot use and go on (real Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let producer: Producer;
  let gateway: RunningGateway;
  let ops: RunningOps;

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    const statusGroup = `test-parking-status-${run}`;
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: statusGroup });
    ops = await startOps();
    producer = await connectedProducer(kafka);
    await gateway.waitForServices(service.code);
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await withdrawService(kafka, lateService.code);
    await producer?.disconnect();
    await ops?.close();
    await gateway?.close();
  }, 30000);

  it('parks bad status events with the reason and applies the next one of the application', async () => {
    const submitted = await gateway.fetch('/v1/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceCode: service.code,
        applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact: {} },
        data: { keperluan: 'melamar pekerjaan' },
      }),
    });
    const { id } = (await submitted.json()) as { id: string };
    // One key, one partition: each bad message stands in front of the good one.
    await producer.send({
      topic: Topics.status,
      messages: [
        { key: id, value: 'bukan json 2171015508900001' },
        encodeCloudEvent(event(`${EventTypes.statusChanged}.v9`, {}, id), id),
        statusReport(id, { occurredAt: '2026-02-30T10:00:00Z' }),
        statusReport(id, { agencyReference: 'DKC\u0000001' }),
        statusReport(id, { agencyReference: 'DKC-001' }),
      ],
    });

    await waitFor(
      async () => {
        const answer = (await (await gateway.fetch(`/v1/applications/${id}`)).json()) as any;
        return answer.status === 'DELIVERED' && answer.agencyReference === 'DKC-001';
      },
      { what: 'the good status event applied after the bad ones' },
    );
    const rows = await parked('gateway', 'gateway.status', id);
    expect(rows.map((row) => row.reason)).toEqual([
      'malformed',
      'unsupported-type',
      'malformed',
      'failed',
    ]);
    expect(rows[0].error).toContain('missing header ce_specversion');
    // Personal data is not kept in the clear, even from a message that is no event at all.
    expect(rows[0].value_preview).toBe('bukan json 2171************');
    expect(rows[2].error).toContain('occurredAt');
  });

  it('parks a bad registry record in the gateway and in ops, and both learn the next one', async () => {
    const badKey = RegistryKeys.service(`${agency}.rusak`);
    const beatKey = RegistryKeys.instance(agency, 'kekal');
    await producer.send({
      topic: Topics.registry,
      messages: [
        { key: badKey, value: '{"code": ' },
        encodeCloudEvent(
          event(EventTypes.adapterHeartbeat, {
            agency,
            instanceId: 'kekal',
            services: [service.code],
            startedAt: new Date().toISOString(),
            sentAt: new Date().toISOString(),
            ttlMs: 10 * 365 * 24 * 3600_000,
          }),
          beatKey,
        ),
      ],
    });
    await announceService(kafka, lateService);

    await gateway.waitForServices(lateService.code);
    await waitFor(async () => (await parked('gateway', 'gateway.catalog', beatKey)).length === 1, {
      what: 'the gateway to park the heartbeat claiming ten years',
    });
    expect(await parked('gateway', 'gateway.catalog', badKey)).toEqual([
      expect.objectContaining({ reason: 'malformed' }),
    ]);
    await waitFor(async () => (await parked('ops', 'ops.registry', badKey)).length === 1, {
      what: 'ops to park the unreadable registry record',
    });
  });

  it('parks unreadable flow records in ops and stores the next one', async () => {
    const applicationId = randomUUID();
    await producer.send({
      topic: Topics.flow,
      messages: [
        { key: applicationId, value: '{"hop": ' },
        encodeCloudEvent(event(EventTypes.flowRecorded, { hop: 'nowhere' }), applicationId),
      ],
    });
    await publishFlowRecords(producer, [
      flowRecord({ hop: FlowHops.accepted, applicationId, component: 'gateway', instance: 'g-1' }),
    ]);
    const operator = await ops.createOperator('ops');
    await ops.waitForTimeline(operator.apiKey, applicationId, 1);
    expect((await parked('ops', 'ops.flow', applicationId)).map((row) => row.reason)).toEqual([
      'malformed',
      'malformed',
    ]);
  });

  it('parks a bad status event at a position one parked earlier held, when the topic was created again', async () => {
    const admin = kafka.admin();
    await admin.connect();
    const ends = await admin.fetchTopicOffsets(Topics.status).finally(() => admin.disconnect());
    // What the gateway kept of a broker rebuilt since: every partition's next offset, years ago.
    await withDatabase((db) =>
      db.query(
        `INSERT INTO gateway.parked_message (consumer, topic, partition, kafka_offset,
           kafka_timestamp, message_key, headers, reason, error)
         SELECT 'gateway.status', $1, partition, kafka_offset, '2024-01-02T03:04:05Z', 'earlier',
                '{}', 'malformed', 'from the broker before'
           FROM unnest($2::int[], $3::bigint[]) AS next (partition, kafka_offset)`,
        [Topics.status, ends.map((end) => end.partition), ends.map((end) => end.high)],
      ),
    );
    const applicationId = randomUUID();

    await producer.send({
      topic: Topics.status,
      messages: [{ key: applicationId, value: 'bukan json' }],
    });

    await waitFor(
      async () => (await parked('gateway', 'gateway.status', applicationId)).length === 1,
      {
        what: 'the bad status event parked beside the earlier broker’s row',
      },
    );
  });
});
