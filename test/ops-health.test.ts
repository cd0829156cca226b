import { randomUUID } from 'node:crypto';
import {
  agencyTopicSpecs,
  FlowHops,
  RegistryKeys,
  Topics,
  type AdapterHeartbeat,
} from '@mpp/contracts';
import { provisionTopics } from '@mpp/kafka';
import type { Producer } from 'kafkajs';
import { withDatabase } from './support/database';
import { connectedProducer, testKafka } from './support/kafka-probe';
import {
  flowRecord,
  publishFlowRecords,
  publishHeartbeat,
  startOps,
  type RunningOps,
  type TestOperator,
} from './support/ops-harness';
import { waitFor } from './support/wait-for';

const agency = `hlth${randomUUID().slice(0, 6)}`;

function heartbeat(
  instanceId: string,
  overrides: Partial<AdapterHeartbeat> = {},
): AdapterHeartbeat {
  return {
    agency,
    instanceId,
    services: [`${agency}.surat-keterangan`],
    startedAt: new Date(Date.now() - 60000).toISOString(),
    sentAt: new Date().toISOString(),
    ttlMs: 60000,
    legacyCircuit: 'closed',
    consumptionPaused: false,
    ...overrides,
  };
}

/** Reads server-sent events of /v1/stream until `until` holds for the events read so far. */
async function readStream(
  ops: RunningOps,
  apiKey: string,
  until: (events: { type: string; data: any }[]) => boolean,
  afterConnect: () => Promise<void> = async () => undefined,
): Promise<{ events: { type: string; data: any }[]; ended: boolean }> {
  const controller = new AbortController();
  const response = await fetch(`${ops.url}/v1/stream`, {
    headers: { authorization: `Bearer ${apiKey}` },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  const events: { type: string; data: any }[] = [];
  let buffer = '';
  let ended = false;
  const timeout = setTimeout(() => controller.abort(), 20000);
  await afterConnect();
  try {
    while (!until(events)) {
      const { value, done } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      buffer += value;
      let boundary;
      while ((boundary = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, boundary);
        buffer = buffer.slice(boundary + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) events.push({ type, data: JSON.parse(data) });
      }
    }
  } finally {
    clearTimeout(timeout);
    if (!ended) controller.abort();
  }
  return { events, ended };
}

describe('ops: agency health, consumer lag and the live stream (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka();
  let producer: Producer;
  let ops: RunningOps;
  let operator: TestOperator;

  const agencyHealth = async () => {
    const answer = await ops.request('/v1/agencies', { apiKey: operator.apiKey });
    return answer.body.agencies.find((entry: { agency: string }) => entry.agency === agency);
  };

  beforeAll(async () => {
    producer = await connectedProducer(kafka);
    ops = await startOps();
    operator = await ops.createOperator('ops');
  }, 60000);

  afterAll(async () => {
    await producer?.disconnect();
    await ops?.close();
  }, 30000);

  it('shows adapter instances alive by their heartbeats and TTL, with circuit and pause', async () => {
    await publishHeartbeat(producer, heartbeat('a-1'));
    await publishHeartbeat(
      producer,
      heartbeat('a-2', { legacyCircuit: 'open', consumptionPaused: true }),
    );
    // Silent for longer than its TTL: listed, not alive, and its open circuit does not count.
    await publishHeartbeat(
      producer,
      heartbeat('a-3', { sentAt: new Date(Date.now() - 120000).toISOString(), ttlMs: 30000 }),
    );
    const health = await waitFor(
      async () => {
        const found = await agencyHealth();
        return found?.instances.length === 3 && found;
      },
      { what: 'three instances of the agency' },
    );
    expect(health).toMatchObject({
      instancesAlive: 2,
      circuit: 'open',
      consumptionPaused: true,
    });
    expect(
      health.instances.map((instance: { instanceId: string; alive: boolean }) => [
        instance.instanceId,
        instance.alive,
      ]),
    ).toEqual([
      ['a-1', true],
      ['a-2', true],
      ['a-3', false],
    ]);

    // The paused instance recovers; then it leaves with a tombstone.
    await publishHeartbeat(producer, heartbeat('a-2', { legacyCircuit: 'closed' }));
    await waitFor(async () => (await agencyHealth()).circuit === 'closed', {
      what: 'the circuit closed again',
    });
    await producer.send({
      topic: Topics.registry,
      messages: [{ key: RegistryKeys.instance(agency, 'a-2'), value: null }],
    });
    await waitFor(async () => (await agencyHealth()).instances.length === 2, {
      what: 'the instance gone after its tombstone',
    });
  });

  it('computes the legacy success rate and latency percentiles over 5 and 60 minutes', async () => {
    const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60000).toISOString();
    const call = (at: string, durationMs: number, outcome: string) =>
      flowRecord({
        hop: FlowHops.legacyCall,
        applicationId: randomUUID(),
        agency,
        component: `adapter-${agency}`,
        instance: 'a-1',
        at,
        durationMs,
        outcome,
      });
    const recent = [
      ...Array.from({ length: 7 }, (_, i) => call(minutesAgo(1), (i + 1) * 100, 'ok')),
      call(minutesAgo(2), 800, 'refused'),
      call(minutesAgo(2), 900, 'unavailable'),
      call(minutesAgo(2), 1000, 'error'),
    ];
    const older = [call(minutesAgo(30), 5000, 'unavailable'), call(minutesAgo(30), 5000, 'error')];
    const tooOld = [call(minutesAgo(90), 9000, 'error')];
    await publishFlowRecords(producer, [...recent, ...older, ...tooOld]);

    const health = await waitFor(
      async () => {
        const found = await agencyHealth();
        return found?.legacy.last60m.calls === 12 && found;
      },
      { what: 'the legacy calls counted' },
    );
    expect(health.legacy.last5m).toEqual({
      calls: 10,
      successRate: 0.8,
      outcomes: { ok: 7, refused: 1, unavailable: 1, error: 1 },
      latencyMs: { p50: 550, p95: 955, p99: 991 },
    });
    expect(health.legacy.last60m).toMatchObject({
      calls: 12,
      successRate: 0.6667,
      outcomes: { ok: 7, refused: 1, unavailable: 2, error: 2 },
    });
  });

  it('reads consumer lag per group and partition from Kafka', async () => {
    const admin = kafka.admin();
    await admin.connect();
    await provisionTopics(admin, agencyTopicSpecs(agency));
    const groupId = `mpp-ops-test-lag-${agency}`;
    const topic = Topics.applicationsOf(agency);
    await producer.send({
      topic,
      messages: Array.from({ length: 5 }, (_, i) => ({ key: `k${i}`, value: 'x', partition: 0 })),
    });
    // A group that read one message and stopped, as a stopped adapter would.
    await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '1' }] });
    await admin.disconnect();

    const lag = await ops.request(`/v1/consumer-lag?group=${groupId}`, {
      apiKey: operator.apiKey,
    });
    expect(lag.status).toBe(200);
    expect(lag.body.groups).toEqual([
      expect.objectContaining({ groupId, state: 'Empty', members: 0, totalLag: 4 }),
    ]);
    expect(lag.body.groups[0].partitions).toEqual([
      { topic, partition: 0, committedOffset: '1', endOffset: '5', lag: 4 },
    ]);
    // The same figure for Prometheus, by group and topic.
    const metrics = await ops.request('/metrics');
    expect(metrics.body).toMatch(
      new RegExp(`mpp_ops_consumer_lag\\{group="${groupId}",topic="${topic}"[^}]*\\} 4`),
    );
    expect(
      (await ops.request('/v1/consumer-lag?group=a b', { apiKey: operator.apiKey })).status,
    ).toBe(400);

    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([groupId]);
    await cleanup.disconnect();
  });

  it('streams flow records and health snapshots as server-sent events', async () => {
    const applicationId = randomUUID();
    const record = flowRecord({
      hop: FlowHops.accepted,
      applicationId,
      agency,
      component: 'gateway',
      instance: 'gateway-1',
    });
    const { events } = await readStream(
      ops,
      operator.apiKey,
      (seen) =>
        seen.some((event) => event.type === 'health') &&
        seen.some((event) => event.type === 'flow' && event.data.record.id === record.id),
      () => publishFlowRecords(producer, [record]),
    );
    const health = events.find((event) => event.type === 'health')!.data;
    expect(health.agencies.map((entry: { agency: string }) => entry.agency)).toContain(agency);
    expect(Array.isArray(health.consumerLag)).toBe(true);
    const flow = events.find((event) => event.type === 'flow')!.data;
    expect(flow.record).toMatchObject({ id: record.id, applicationId, hop: FlowHops.accepted });
  });

  it('ends the stream once its key is revoked', async () => {
    const holder = await ops.createOperator('ops');
    const { ended } = await readStream(
      ops,
      holder.apiKey,
      () => false,
      async () => {
        await withDatabase((db) =>
          db.query(`UPDATE ops.operator_api_key SET revoked_at = now() WHERE operator_id = $1`, [
            holder.id,
          ]),
        );
      },
    );
    expect(ended).toBe(true);
  });
});
