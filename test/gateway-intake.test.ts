import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_SPEC_VERSION,
  EventTypes,
  Topics,
  type ApplicationSubmitted,
  type StatusChanged,
} from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { Kafka, Producer } from 'kafkajs';
import { TrackingNumber } from '../apps/gateway/src/applications/tracking-number';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { connectedProducer, header, testKafka, TopicRecorder } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

const agency = `uji${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const VALID_NIK = '2171015508900001'; // Batam, woman born 15-08-1990

function validBody(overrides: Record<string, unknown> = {}) {
  return {
    serviceCode: service.code,
    applicant: { nik: VALID_NIK, name: 'Siti Aminah', contact: { phone: '081234567890' } },
    data: { keperluan: 'melamar pekerjaan' },
    documents: [
      {
        name: 'kk.pdf',
        mediaType: 'application/pdf',
        sha256: 'a'.repeat(64),
        url: 'https://dokumen.batam.go.id/berkas/1',
      },
    ],
    ...overrides,
  };
}

async function post(gateway: RunningGateway, body: unknown, headers: Record<string, string> = {}) {
  const response = await gateway.fetch(`/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as any,
  };
}

async function countRows(): Promise<{ applications: number; outbox: number }> {
  return withDatabase(async (db) => {
    const apps = await db.query(
      `SELECT count(*)::int AS n FROM gateway.application WHERE agency = $1`,
      [agency],
    );
    const outbox = await db.query(
      `SELECT count(*)::int AS n FROM gateway.outbox WHERE topic = $1`,
      [Topics.applicationsOf(agency)],
    );
    return { applications: apps.rows[0].n, outbox: outbox.rows[0].n };
  });
}

describe('gateway intake, outbox relay and status back (real Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;
  let recorder: TopicRecorder;
  let producer: Producer;

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: `test-status-${agency}` });
    await gateway.waitForServices(service.code);
    recorder = new TopicRecorder(kafka);
    await recorder.start([Topics.applicationsOf(agency)]);
    producer = await connectedProducer(kafka);
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await producer?.disconnect();
    await recorder?.stop();
    await gateway?.close();
  }, 30000);

  it('accepts an application with 202, commits it and publishes it as a CloudEvent keyed by id', async () => {
    const response = await post(gateway, validBody(), {
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    });
    expect(response.status).toBe(202);
    const { id, trackingNumber } = response.body;
    expect(response.headers.get('location')).toBe(`/v1/applications/${id}`);
    expect(trackingNumber).toMatch(
      /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/,
    );
    expect(response.body.status).toBe('SUBMITTED');

    const [published] = await waitFor(() => recorder.byKey(id).length > 0 && recorder.byKey(id), {
      what: 'the application on the agency topic',
    });
    const message = published.message;
    expect(header(message, 'ce_type')).toBe(EventTypes.applicationSubmitted);
    expect(header(message, 'ce_specversion')).toBe(CLOUDEVENTS_SPEC_VERSION);
    expect(header(message, 'ce_source')).toBe('/mpp/gateway');
    expect(header(message, 'content-type')).toBe('application/json');
    expect(header(message, 'ce_correlationid')).toBeTruthy();
    expect(header(message, 'traceparent')).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    );
    const data = JSON.parse(message.value!.toString()) as ApplicationSubmitted;
    expect(data).toMatchObject({ applicationId: id, trackingNumber, serviceCode: service.code });
    expect(data.applicant.nik).toBe(VALID_NIK);

    const stored = await withDatabase((db) =>
      db.query(
        `SELECT published_at, partition, kafka_offset FROM gateway.outbox WHERE application_id = $1`,
        [id],
      ),
    );
    expect(stored.rows).toHaveLength(1);
    expect(stored.rows[0].published_at).not.toBeNull();
    expect(stored.rows[0].partition).toBe(published.partition);
    expect(stored.rows[0].kafka_offset).toBe(published.message.offset);
  });

  it('answers 404 problem+json for an unknown service and stores nothing', async () => {
    const before = await countRows();
    const response = await post(gateway, validBody({ serviceCode: `${agency}.tidak-ada` }));
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toBe('/problems/unknown-service');
    expect(await countRows()).toEqual(before);
  });

  it.each([
    [
      'a NIK with an unknown region',
      { applicant: { nik: '9999015508900001', name: 'Siti', contact: {} } },
      'applicant.nik',
    ],
    [
      'a NIK with an impossible birth date',
      { applicant: { nik: '2171013202900001', name: 'Siti', contact: {} } },
      'applicant.nik',
    ],
    ['a missing applicant', { applicant: undefined }, 'applicant'],
    ['an unknown top-level field', { extra: true }, 'extra'],
    [
      'data that breaks the service schema',
      { data: { keperluan: 'x', jumlah: 9 } },
      'data.keperluan',
    ],
    [
      'data with a field the service does not know',
      { data: { keperluan: 'melamar', lain: 1 } },
      'data.lain',
    ],
    [
      'a document with a bad sha256',
      {
        documents: [
          { name: 'a', mediaType: 'application/pdf', sha256: 'xyz', url: 'https://a.id/b' },
        ],
      },
      'documents.0.sha256',
    ],
  ])('answers 400 with field errors for %s and stores nothing', async (_case, overrides, field) => {
    const before = await countRows();
    const response = await post(gateway, validBody(overrides), { 'accept-language': 'en' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(response.body.type).toBe('/problems/validation-failed');
    expect(response.body.title).toBe('The request is not valid');
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    expect(JSON.stringify(response.body)).not.toContain('9999015508900001');
    expect(await countRows()).toEqual(before);
  });

  it('answers malformed JSON with 400 problem+json in Indonesian by default', async () => {
    const response = await post(gateway, '{"serviceCode": ');
    expect(response.status).toBe(400);
    expect(response.body.type).toBe('/problems/malformed-request');
    expect(response.body.title).toBe('Permintaan tidak dapat dibaca');
  });

  it('replays the first answer for a repeated Idempotency-Key and refuses a different body with 422', async () => {
    const key = randomUUID();
    const first = await post(gateway, validBody(), { 'idempotency-key': key });
    const again = await post(gateway, validBody(), { 'idempotency-key': key });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const before = await countRows();
    const different = await post(gateway, validBody({ data: { keperluan: 'lain hal' } }), {
      'idempotency-key': key,
    });
    expect(different.status).toBe(422);
    expect(different.body.type).toBe('/problems/idempotency-key-reused');
    expect(await countRows()).toEqual(before);
  });

  it('applies status events through the state machine, ignoring duplicates and stale ones', async () => {
    const submitted = await post(gateway, validBody());
    const id: string = submitted.body.id;
    const send = (eventId: string, data: Partial<StatusChanged>) =>
      producer.send({
        topic: Topics.status,
        messages: [
          encodeCloudEvent(
            {
              id: eventId,
              source: `/mpp/adapters/${agency}`,
              type: EventTypes.statusChanged,
              specversion: CLOUDEVENTS_SPEC_VERSION,
              time: new Date().toISOString(),
              subject: id,
              data: {
                applicationId: id,
                serviceCode: service.code,
                occurredAt: new Date().toISOString(),
                ...data,
              },
            },
            id,
          ),
        ],
      });
    await send(`${id}:DELIVERED:1`, { status: 'DELIVERED', agencyReference: 'UJI-0001' });
    await send(`${id}:DELIVERED:1`, { status: 'DELIVERED', agencyReference: 'UJI-0001' }); // duplicate
    await send(`${id}:IN_PROCESS:1`, { status: 'IN_PROCESS' });
    await send(`${id}:DELIVERED:2`, { status: 'DELIVERED' }); // stale: behind IN_PROCESS
    await send(`${id}:COMPLETED:1`, { status: 'COMPLETED' }); // illegal: not approved yet
    await producer.send({ topic: Topics.status, messages: [{ key: id, value: 'not json' }] }); // malformed
    await send(`${id}:APPROVED:1`, { status: 'APPROVED' });
    await send(`${id}:COMPLETED:2`, { status: 'COMPLETED', result: { documentNumber: 'DOC-1' } });

    const application = await waitFor(
      async () => {
        const response = await gateway.fetch(`/v1/applications/${id}`);
        const body = (await response.json()) as any;
        return body.status === 'COMPLETED' && body;
      },
      { what: 'the application to complete' },
    );
    expect(application.agencyReference).toBe('UJI-0001');
    expect(application.result).toEqual({ documentNumber: 'DOC-1' });
    expect(application.timeline.map((step: { status: string }) => step.status)).toEqual([
      'SUBMITTED',
      'DELIVERED',
      'IN_PROCESS',
      'APPROVED',
      'COMPLETED',
    ]);
    const receipts = await withDatabase((db) =>
      db.query(
        `SELECT event_id, outcome FROM gateway.status_event_receipt WHERE application_id = $1 ORDER BY id`,
        [id],
      ),
    );
    expect(receipts.rows.map((row: { outcome: string }) => row.outcome)).toEqual([
      'APPLIED',
      'DUPLICATE',
      'APPLIED',
      'STALE',
      'ILLEGAL',
      'APPLIED',
      'APPLIED',
    ]);

    const tracked = (await (
      await gateway.fetch(`/v1/track/${submitted.body.trackingNumber.toLowerCase()}`)
    ).json()) as any;
    expect(tracked.status).toBe('COMPLETED');
    expect(JSON.stringify(tracked)).not.toContain(VALID_NIK);
    expect(JSON.stringify(tracked)).not.toContain('Siti');
  });

  it('refuses a tracking number whose check character is wrong, and 404s an unknown id', async () => {
    const valid = TrackingNumber.generate();
    const lastChar = valid.at(-1)!;
    const wrongCheck = valid.slice(0, -1) + (lastChar === 'A' ? 'B' : 'A');
    const badCheck = await gateway.fetch(`/v1/track/${wrongCheck}`);
    expect(badCheck.status).toBe(400);
    expect(((await badCheck.json()) as any).type).toBe('/problems/validation-failed');
    const unknownButValid = await gateway.fetch(`/v1/track/${valid}`);
    expect(unknownButValid.status).toBe(404);
    const unknown = await gateway.fetch(`/v1/applications/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    const notAnId = await gateway.fetch(`/v1/applications/..%2F..%2Fetc`);
    expect(notAnId.status).toBe(404);
    expect(notAnId.headers.get('content-type')).toContain('application/problem+json');
  });
});
