import { randomUUID } from 'node:crypto';
import { FlowHops, Topics, type FlowRecord } from '@mpp/contracts';
import type { Producer } from 'kafkajs';
import { connectedProducer, testKafka } from './support/kafka-probe';
import {
  flowRecord,
  publishFlowRecords,
  startOps,
  submissionJourney,
  SUBMISSION_HOPS,
  type RunningOps,
} from './support/ops-harness';
import { waitFor } from './support/wait-for';

const agency = `flow${randomUUID().slice(0, 6)}`;
const serviceCode = `${agency}.surat-keterangan`;
const journey = (applicationId: string, start: number) =>
  submissionJourney(applicationId, agency, start);

describe('ops: flow records, timelines, search and retention (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka();
  let producer: Producer;
  let ops: RunningOps;
  let apiKey: string;

  const get = (path: string) => ops.request(path, { apiKey });
  const timelineOf = (applicationId: string, hops: number) =>
    ops.waitForTimeline(apiKey, applicationId, hops);

  beforeAll(async () => {
    producer = await connectedProducer(kafka);
    ops = await startOps();
    apiKey = (await ops.createOperator('ops')).apiKey;
  }, 60000);

  afterAll(async () => {
    await producer?.disconnect();
    await ops?.close();
  }, 30000);

  it('shows an application timeline in time order with per-hop latency and the total', async () => {
    const applicationId = randomUUID();
    const records = journey(applicationId, Date.now() - 1000);
    // Out of order and one duplicated, as redelivery and several partitions may bring them.
    await publishFlowRecords(producer, [...records].reverse());
    await publishFlowRecords(producer, [records[3]]);

    const timeline = await timelineOf(applicationId, records.length);
    expect(timeline.hops.map((hop: FlowRecord) => hop.hop)).toEqual(SUBMISSION_HOPS);
    expect(timeline.hops.map((hop: { sincePreviousMs: number }) => hop.sincePreviousMs)).toEqual([
      null,
      35,
      45,
      300,
      20,
      50,
    ]);
    expect(timeline).toMatchObject({
      applicationId,
      startedAt: records[0].at,
      lastAt: records[5].at,
      totalMs: 450,
    });
    expect(timeline.hops[3]).toMatchObject({
      id: records[3].id,
      durationMs: 290,
      outcome: 'ok',
      detail: { system: 'scripted', operation: 'submit', httpStatus: 200 },
    });
    // The duplicate is stored once.
    const all = await get(`/v1/flows?service=${serviceCode}&hop=${FlowHops.legacyCall}&limit=200`);
    expect(
      all.body.items.filter((item: FlowRecord) => item.applicationId === applicationId),
    ).toHaveLength(1);
  });

  it('skips a malformed flow message and stores the ones after it', async () => {
    const applicationId = randomUUID();
    await producer.send({
      topic: Topics.flow,
      messages: [{ key: applicationId, value: 'not a cloud event' }],
    });
    const [good] = journey(applicationId, Date.now());
    await publishFlowRecords(producer, [
      { ...good, hop: 'not a hop' as FlowRecord['hop'], id: randomUUID() },
      good,
    ]);
    const timeline = await timelineOf(applicationId, 1);
    expect(timeline.hops.map((hop: FlowRecord) => hop.id)).toEqual([good.id]);
  });

  it('answers 404 for an application without records and 400 for an id that is no UUID', async () => {
    const unknown = await get(`/v1/applications/${randomUUID()}/timeline`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect(unknown.body).toMatchObject({ type: '/problems/not-found', status: 404 });

    const malformed = await ops.request('/v1/applications/nope/timeline', {
      apiKey,
      headers: { 'accept-language': 'en' },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({
      type: '/problems/validation-failed',
      title: 'The request is not valid',
      errors: [{ field: 'applicationId', code: 'isUuid' }],
    });
    const indonesian = await get('/v1/applications/nope/timeline');
    expect(indonesian.body.title).toBe('Permintaan tidak valid');
  });

  describe('search', () => {
    const searchAgency = `srch${randomUUID().slice(0, 6)}`;
    const start = Date.now() - 3600 * 1000;
    const records = Array.from({ length: 5 }, (_, index) =>
      flowRecord({
        applicationId: randomUUID(),
        agency: searchAgency,
        serviceCode: `${searchAgency}.layanan`,
        component: `adapter-${searchAgency}`,
        instance: 'i-1',
        hop: FlowHops.legacyCall,
        outcome: index === 2 ? 'unavailable' : 'ok',
        durationMs: 10 * (index + 1),
        // Two records share a millisecond: the order must still be total and stable.
        at: new Date(start + Math.min(index, 3) * 1000).toISOString(),
      }),
    );

    beforeAll(async () => {
      await publishFlowRecords(producer, records);
      await waitFor(
        async () =>
          (await get(`/v1/flows?agency=${searchAgency}&limit=200`)).body.items?.length === 5,
        { what: 'the search records stored' },
      );
    });

    it('pages newest first with an opaque cursor, every record once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = `agency=${searchAgency}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await get(`/v1/flows?${query}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((item: FlowRecord) => item.id));
        cursor = page.body.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(5);
      const newestFirst = [...records].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
      expect(seen.slice(2)).toEqual(newestFirst.slice(2).map((record) => record.id));
    });

    it('filters by service, hop, outcome and time range', async () => {
      const unavailable = await get(
        `/v1/flows?service=${searchAgency}.layanan&hop=${FlowHops.legacyCall}&outcome=unavailable`,
      );
      expect(unavailable.body.items.map((item: FlowRecord) => item.id)).toEqual([records[2].id]);

      const from = new Date(start + 1000).toISOString();
      const to = new Date(start + 3000).toISOString();
      const window = await get(`/v1/flows?agency=${searchAgency}&from=${from}&to=${to}`);
      expect(window.body.items.map((item: FlowRecord) => item.id)).toEqual([
        records[2].id,
        records[1].id,
      ]);
      expect(window.body.nextCursor).toBeNull();
    });

    it('refuses bad filters and a cursor reused with other filters, with problem+json', async () => {
      const first = await get(`/v1/flows?agency=${searchAgency}&limit=1`);
      const reused = await get(`/v1/flows?agency=other&cursor=${first.body.nextCursor}`);
      expect(reused.status).toBe(400);
      expect(reused.body.errors).toEqual([
        { field: 'cursor', code: 'cursor', message: 'cursor was issued for other filters' },
      ]);

      for (const query of [
        'limit=0',
        'limit=201',
        'hop=gateway.teleported',
        'agency=NOT%20AN%20AGENCY',
        'from=yesterday',
        'unknown=1',
        `from=${new Date(start).toISOString()}&to=${new Date(start).toISOString()}`,
        'cursor=garbage',
      ]) {
        const refused = await get(`/v1/flows?${query}`);
        expect([query, refused.status, refused.body.type]).toEqual([
          query,
          400,
          '/problems/validation-failed',
        ]);
      }
    });
  });

  it('prunes records older than the retention and keeps the others', async () => {
    const applicationId = randomUUID();
    const day = 24 * 3600 * 1000;
    const [accepted, published, received] = journey(applicationId, Date.now());
    const old = { ...accepted, at: new Date(Date.now() - 20 * day).toISOString() };
    const middle = { ...published, at: new Date(Date.now() - 10 * day).toISOString() };
    await publishFlowRecords(producer, [old, middle, received]);
    await timelineOf(applicationId, 3);

    // The default retention is 14 days.
    expect(await ops.pruneFlowRecords()).toBeGreaterThanOrEqual(1);
    const kept = await get(`/v1/applications/${applicationId}/timeline`);
    expect(kept.body.hops.map((hop: FlowRecord) => hop.id)).toEqual([middle.id, received.id]);

    // Five days later the middle one is past the retention too.
    await ops.pruneFlowRecords(new Date(Date.now() + 5 * day));
    const later = await get(`/v1/applications/${applicationId}/timeline`);
    expect(later.body.hops.map((hop: FlowRecord) => hop.id)).toEqual([received.id]);
  });
});
