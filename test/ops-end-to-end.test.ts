import { randomUUID } from 'node:crypto';
import { LEGACY_CONNECTOR } from '@mpp/adapter-sdk';
import {
  connectedProducer,
  publishToAgency,
  startAdapter,
  submittedEvent,
  testKafka,
  TopicRecorder,
  waitFor,
  type RunningAdapter,
} from '@mpp/adapter-sdk/testing';
import { Topics, type StatusChanged } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import type { Producer } from 'kafkajs';
import { DISDUKCAPIL_ADAPTER } from '../apps/adapter-disdukcapil/src/disdukcapil.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import {
  startOps,
  SUBMISSION_HOPS,
  type RunningOps,
  type TestOperator,
} from './support/ops-harness';
import {
  SCRIPTED_ADAPTER,
  SCRIPTED_AGENCY,
  ScriptedLegacySystem,
} from './support/scripted-legacy-system';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';

describe('operations across the whole system: timelines and dead-letter replay', () => {
  const kafka = testKafka();
  let legacy: RunningLegacySim;
  let civilRegistryAdapter: RunningAdapter;
  let scriptedAdapter: RunningAdapter;
  let gateway: RunningGateway;
  let ops: RunningOps;
  let operator: TestOperator;
  let producer: Producer;
  let statuses: TopicRecorder;

  beforeAll(async () => {
    legacy = await createLegacySimApp({
      LEGACY_SIM_PORT: 0,
      SIM_CIVIL_REGISTRY_PROCESSING_MS: 600,
    });
    civilRegistryAdapter = await startAdapter(DISDUKCAPIL_ADAPTER, {
      CIVIL_REGISTRY_URL: `${legacy.baseUrl}/disdukcapil/ws`,
      STATUS_POLL_INTERVAL_MS: '150',
    });
    scriptedAdapter = await startAdapter(SCRIPTED_ADAPTER, {
      ADAPTER_MAX_ATTEMPTS: '2',
      ADAPTER_RETRY_BASE_MS: '20',
      STATUS_POLL_INTERVAL_MS: '100',
    });
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: 'test-ops-e2e-status' });
    ops = await startOps();
    operator = await ops.createOperator('ops');
    producer = await connectedProducer(kafka);
    statuses = new TopicRecorder(kafka);
    await statuses.start([Topics.status]);
    await waitFor(
      async () => {
        const response = await gateway.fetch('/v1/services/disdukcapil.ktp-el-penggantian');
        return response.ok && ((await response.json()) as { available: boolean }).available;
      },
      { what: 'the civil registry adapter to announce its services' },
    );
  }, 90000);

  afterAll(async () => {
    await statuses?.stop();
    await producer?.disconnect();
    await ops?.close();
    await gateway?.close();
    await scriptedAdapter?.close();
    await civilRegistryAdapter?.close();
    await legacy?.close();
  }, 30000);

  it('shows a submitted application’s timeline, every hop in order with its latency', async () => {
    const submitted = await gateway.fetch('/v1/applications', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        traceparent: `00-${TRACE_ID}-b7ad6b7169203331-01`,
      },
      body: JSON.stringify({
        serviceCode: 'disdukcapil.ktp-el-penggantian',
        applicant: { nik: '2171011508900031', name: 'Budi Santoso', contact: {} },
        data: { alasan: 'rusak', nomorKk: '2171010101010001' },
      }),
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };

    const timeline = await waitFor(
      async () => {
        const answer = await ops.request(`/v1/applications/${id}/timeline`, {
          apiKey: operator.apiKey,
        });
        const hops: { hop: string; detail?: { status?: string } }[] = answer.body?.hops ?? [];
        const completed = hops.some(
          (hop) => hop.hop === 'gateway.status-applied' && hop.detail?.status === 'COMPLETED',
        );
        return answer.status === 200 && completed && answer.body;
      },
      { what: 'the completed timeline in ops', timeoutMs: 45000 },
    );
    const order = timeline.hops.map((hop: { hop: string }) => hop.hop);
    const firstOf = SUBMISSION_HOPS.map((hop) => order.indexOf(hop));
    expect(firstOf.every((index) => index >= 0)).toBe(true);
    expect([...firstOf].sort((a, b) => a - b)).toEqual(firstOf);
    for (const hop of timeline.hops.slice(1)) expect(hop.sincePreviousMs).toBeGreaterThanOrEqual(0);
    expect(timeline.totalMs).toBeGreaterThan(0);
    expect(JSON.stringify(timeline)).not.toContain('2171011508900031');
    expect(timeline.hops.every((hop: { traceId?: string }) => hop.traceId === TRACE_ID)).toBe(true);
  });

  it('replays a message the adapter failed on, once, and it completes', async () => {
    const legacySystem = scriptedAdapter.app.get<ScriptedLegacySystem>(LEGACY_CONNECTOR);
    const event = submittedEvent(
      `${SCRIPTED_AGENCY}.layanan-uji`,
      { nik: '2171011508900032', name: 'Siti Aminah', contact: {} },
      { script: 'explode' },
    );
    const applicationId = event.data.applicationId;
    await publishToAgency(producer, event);

    const parked = await waitFor(
      async () => {
        const answer = await ops.request(
          `/v1/dead-letters?agency=${SCRIPTED_AGENCY}&state=parked`,
          {
            apiKey: operator.apiKey,
          },
        );
        return answer.body?.items?.find(
          (letter: { applicationId: string }) => letter.applicationId === applicationId,
        );
      },
      { what: 'the failed message in the ops dead letters' },
    );
    expect(parked).toMatchObject({ reason: 'failed', attempts: 2 });
    expect(legacySystem.submissions.get(applicationId)).toBeUndefined();

    legacySystem.fixed = true;
    const replay = () =>
      ops.request(`/v1/dead-letters/${parked.id}/replay`, {
        apiKey: operator.apiKey,
        method: 'POST',
        body: { reason: 'Formulir sudah dapat dibaca setelah perbaikan adaptor' },
      });
    expect((await replay()).status).toBe(200);
    expect((await replay()).status).toBe(409);

    await waitFor(
      () =>
        statuses
          .byKey(applicationId)
          .map((record) => decodeCloudEvent<StatusChanged>(record.message).data.status)
          .includes('COMPLETED'),
      { what: 'the replayed application to complete' },
    );
    expect(legacySystem.submissions.get(applicationId)).toBe(1);
    const handled = await ops.request(`/v1/dead-letters/${parked.id}`, { apiKey: operator.apiKey });
    expect(handled.body.handling).toMatchObject({ action: 'replayed', by: operator.name });
  });

  it('shows the lag of a stopped adapter growing while submissions continue, and zero once it is back', async () => {
    const groupId = `test-ops-e2e-lag-${randomUUID().slice(0, 8)}`;
    const application = () =>
      submittedEvent(
        `${SCRIPTED_AGENCY}.layanan-uji`,
        { nik: '2171011508900033', name: 'Dewi Lestari', contact: {} },
        { script: 'complete' },
      );
    const lag = async () => {
      const answer = await ops.request(`/v1/consumer-lag?group=${groupId}`, {
        apiKey: operator.apiKey,
      });
      expect(answer.status).toBe(200);
      return answer.body.groups[0] as { totalLag: number; state: string } | undefined;
    };
    const lagReaches = (totalLag: number, what: string) =>
      waitFor(async () => (await lag())?.totalLag === totalLag, { what });

    let adapter = await startAdapter(SCRIPTED_ADAPTER, { ADAPTER_GROUP_ID: groupId });
    await publishToAgency(producer, application());
    await lagReaches(0, 'the running adapter to have consumed everything');
    await adapter.close();

    for (const expected of [2, 4]) {
      await publishToAgency(producer, application());
      await publishToAgency(producer, application());
      await lagReaches(expected, `a lag of ${expected} behind the stopped adapter`);
    }
    expect((await lag())?.state).toBe('Empty');

    adapter = await startAdapter(SCRIPTED_ADAPTER, { ADAPTER_GROUP_ID: groupId });
    try {
      await lagReaches(0, 'the restarted adapter to catch up');
    } finally {
      await adapter.close();
    }
  });
});
