import { randomUUID } from 'node:crypto';
import { FlowHops, Topics, type FlowRecord } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import type { Kafka } from 'kafkajs';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { DISDUKCAPIL_ADAPTER } from '../apps/adapter-disdukcapil/src/disdukcapil.adapter';
import { startAdapter, type RunningAdapter } from './support/adapter-harness';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { testKafka, TopicRecorder } from './support/kafka-probe';
import { waitFor } from './support/wait-for';

const SERVICE = 'disdukcapil.ktp-el-penggantian';
const ADAPTER_GROUP = `test-adapter-disdukcapil-${randomUUID().slice(0, 8)}`;

function application(nik: string) {
  return {
    serviceCode: SERVICE,
    applicant: { nik, name: 'Budi Santoso', contact: { email: 'budi@example.id' } },
    data: { alasan: 'hilang', nomorKk: '2171010101010001', nomorSuratKehilangan: 'LP/123/XI/2026' },
  };
}

describe('one application through the whole system: HTTP → outbox → Kafka → adapter → SOAP registry → status back', () => {
  let kafka: Kafka;
  let legacy: RunningLegacySim;
  let adapter: RunningAdapter;
  let gateway: RunningGateway;
  let flow: TopicRecorder;

  const submit = async (body: unknown, headers: Record<string, string> = {}) => {
    const response = await gateway.fetch(`/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
    return (await response.json()) as { id: string; trackingNumber: string };
  };
  const applicationState = async (id: string) =>
    (await (await gateway.fetch(`/v1/applications/${id}`)).json()) as any;
  const arrivals = async (id: string) =>
    (
      (await (
        await fetch(`${legacy.baseUrl}/_sim/systems/civil-registry/arrivals?reference=${id}`)
      ).json()) as any
    ).submissions as number;

  beforeAll(async () => {
    kafka = testKafka();
    flow = new TopicRecorder(kafka);
    await flow.start([Topics.flow]);
    legacy = await createLegacySimApp({
      LEGACY_SIM_PORT: 0,
      SIM_CIVIL_REGISTRY_PROCESSING_MS: 1200,
    });
    adapter = await startAdapter(DISDUKCAPIL_ADAPTER, {
      ADAPTER_GROUP_ID: ADAPTER_GROUP,
      ADAPTER_INSTANCE_ID: 'test-adapter-disdukcapil-1',
      CIVIL_REGISTRY_URL: `${legacy.baseUrl}/disdukcapil/ws`,
      STATUS_POLL_INTERVAL_MS: '200',
      ADAPTER_RETRY_BASE_MS: '50',
      ADAPTER_RETRY_MAX_MS: '500',
      ADAPTER_BREAKER_MIN_CALLS: '3',
      ADAPTER_BREAKER_PROBE_INTERVAL_MS: '300',
    });
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: 'test-gateway-status' });
    await waitFor(
      async () => {
        const response = await gateway.fetch(`/v1/services/${SERVICE}`);
        return response.ok && ((await response.json()) as any).available === true;
      },
      { what: 'the adapter to announce its services' },
    );
  }, 90000);

  afterAll(async () => {
    await flow?.stop();
    await gateway?.close();
    await adapter?.close();
    await legacy?.close();
  }, 30000);

  it('completes with the agency reference and exactly one arrival, even when the message is delivered twice', async () => {
    const { id } = await submit(application('2171011508900003'));

    const completed = await waitFor(
      async () => {
        const state = await applicationState(id);
        return state.status === 'COMPLETED' && state;
      },
      { what: 'the application to complete', timeoutMs: 45000 },
    );
    expect(completed.agencyReference).toMatch(/^DKC-/);
    expect(completed.result.documentNumber).toBeTruthy();
    expect(completed.timeline.map((step: { status: string }) => step.status)).toEqual([
      'SUBMITTED',
      'DELIVERED',
      'IN_PROCESS',
      'APPROVED',
      'COMPLETED',
    ]);
    expect(await arrivals(id)).toBe(1);

    // Redelivery: the relay publishes the very same event again, as after a crash between
    // publishing and marking it published.
    await withDatabase((db) =>
      db.query(`UPDATE gateway.outbox SET published_at = NULL WHERE application_id = $1`, [id]),
    );
    const redelivered = await waitFor(
      () =>
        withDatabase(async (db) => {
          const { rows } = await db.query(
            `SELECT partition, kafka_offset FROM gateway.outbox WHERE application_id = $1 AND published_at IS NOT NULL`,
            [id],
          );
          return rows[0] as { partition: number; kafka_offset: string } | undefined;
        }),
      { what: 'the event to be published a second time' },
    );
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const [committed] = await admin.fetchOffsets({
            groupId: ADAPTER_GROUP,
            topics: [Topics.applicationsOf('disdukcapil')],
          });
          const partition = committed.partitions.find((p) => p.partition === redelivered.partition);
          return (
            partition !== undefined && BigInt(partition.offset) > BigInt(redelivered.kafka_offset)
          );
        },
        { what: 'the adapter to consume the redelivered message' },
      );
    } finally {
      await admin.disconnect();
    }
    expect(await arrivals(id)).toBe(1);
    expect((await applicationState(id)).status).toBe('COMPLETED');
  });

  it('turns the registry refusing the applicant into REJECTED with its reason', async () => {
    const { id } = await submit(application('2171011508909999'));
    const rejected = await waitFor(
      async () => {
        const state = await applicationState(id);
        return state.status === 'REJECTED' && state;
      },
      { what: 'the application to be rejected' },
    );
    expect(rejected.timeline.at(-1).reason).toBeTruthy();
    expect(await arrivals(id)).toBe(0);
  });

  it('leaves applications waiting in Kafka while the registry is killed, and completes each once when it returns', async () => {
    const deadLetters = new TopicRecorder(kafka);
    await deadLetters.start([Topics.deadLettersOf('disdukcapil')]);
    const port = new URL(legacy.baseUrl).port;
    await legacy.close();
    let waiting: string[] = [];
    try {
      waiting = await Promise.all(
        ['2171011508900011', '2171011508900012', '2171011508900013'].map(
          async (nik) => (await submit(application(nik))).id,
        ),
      );
      await waitFor(
        async () => {
          const health = (await (await fetch(`${adapter.url}/health`)).json()) as any;
          return health.info.legacy.circuit === 'open' && health.info.legacy.consumptionPaused;
        },
        { what: 'the adapter to open its circuit and pause', timeoutMs: 20000 },
      );
      for (const id of waiting) expect((await applicationState(id)).status).toBe('SUBMITTED');
    } finally {
      legacy = await createLegacySimApp({
        LEGACY_SIM_PORT: Number(port),
        SIM_CIVIL_REGISTRY_PROCESSING_MS: 1200,
      });
    }
    for (const id of waiting) {
      await waitFor(async () => (await applicationState(id)).status === 'COMPLETED', {
        what: `${id} to complete after the registry returned`,
        timeoutMs: 45000,
      });
      expect(await arrivals(id)).toBe(1);
    }
    for (const id of waiting) expect(deadLetters.byKey(id)).toEqual([]);
    await deadLetters.stop();
  });

  it('records every hop on mpp.flow, in order, in the caller’s trace, without personal data', async () => {
    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const nik = '2171011508900021';
    const { id } = await submit(application(nik), {
      traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
    });
    await waitFor(async () => (await applicationState(id)).status === 'COMPLETED', {
      what: 'the application to complete',
      timeoutMs: 45000,
    });
    const records = await waitFor(
      () => {
        const seen = flow
          .byKey(id)
          .map((record) => decodeCloudEvent<FlowRecord>(record.message).data)
          .sort((a, b) => a.at.localeCompare(b.at));
        const applied = seen.filter((record) => record.hop === FlowHops.statusApplied);
        return applied.length >= 4 && seen;
      },
      { what: 'the flow records of the application' },
    );
    const hops = records.map((record) => record.hop);
    const first = (hop: string) => hops.indexOf(hop as FlowRecord['hop']);
    expect(first(FlowHops.accepted)).toBe(0);
    expect(first(FlowHops.published)).toBeGreaterThan(first(FlowHops.accepted));
    expect(first(FlowHops.received)).toBeGreaterThan(first(FlowHops.published));
    expect(first(FlowHops.legacyCall)).toBeGreaterThan(first(FlowHops.received));
    expect(first(FlowHops.statusEmitted)).toBeGreaterThan(first(FlowHops.legacyCall));
    expect(first(FlowHops.statusApplied)).toBeGreaterThan(first(FlowHops.statusEmitted));

    const published = records.find((record) => record.hop === FlowHops.published)!;
    expect(published.detail).toMatchObject({ topic: 'mpp.disdukcapil.applications' });
    const submitCall = records.find(
      (record) => record.hop === FlowHops.legacyCall && record.detail?.operation === 'submit',
    )!;
    expect(submitCall).toMatchObject({ outcome: 'ok', agency: 'disdukcapil' });
    expect(submitCall.detail).toMatchObject({ system: 'civil-registry', httpStatus: 200 });
    expect(submitCall.detail?.requestBytes).toBeGreaterThan(0);
    expect(submitCall.durationMs).toBeGreaterThanOrEqual(0);
    expect(
      records
        .filter((record) => record.hop === FlowHops.statusApplied && record.outcome === 'APPLIED')
        .map((record) => record.detail?.status),
    ).toEqual(['DELIVERED', 'IN_PROCESS', 'APPROVED', 'COMPLETED']);

    for (const record of records) {
      expect(record.traceId).toBe(traceId);
      const text = JSON.stringify(record);
      expect(text).not.toContain(nik);
      expect(text).not.toContain('Budi');
    }
  });

  it('serves Prometheus metrics of HTTP, Kafka, the outbox, status events and legacy calls', async () => {
    const gatewayMetrics = await (await gateway.fetch(`/metrics`)).text();
    expect(gatewayMetrics).toMatch(
      /mpp_http_request_duration_seconds_count\{[^}]*route="\/v1\/applications"[^}]*status="202"[^}]*\} [1-9]/,
    );
    expect(gatewayMetrics).toMatch(/mpp_outbox_pending_events\{[^}]*\} 0/);
    expect(gatewayMetrics).toMatch(/mpp_outbox_oldest_pending_age_seconds\{[^}]*\} 0/);
    expect(gatewayMetrics).toMatch(
      /mpp_kafka_messages_produced_total\{[^}]*topic="mpp.disdukcapil.applications"[^}]*\} [1-9]/,
    );
    expect(gatewayMetrics).toMatch(
      /mpp_gateway_status_events_total\{[^}]*outcome="APPLIED"[^}]*\} [1-9]/,
    );
    const adapterMetrics = await (await fetch(`${adapter.url}/metrics`)).text();
    expect(adapterMetrics).toMatch(
      /mpp_adapter_legacy_call_duration_seconds_count\{[^}]*system="civil-registry"[^}]*operation="submit"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
    expect(adapterMetrics).toMatch(/mpp_adapter_consumption_paused\{[^}]*\} 0/);
  });
});
