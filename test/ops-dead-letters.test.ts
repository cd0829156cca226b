import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_SPEC_VERSION,
  DeadLetterReasons,
  EventTypes,
  FlowHops,
  Topics,
  type ApplicationSubmitted,
  type DeadLetterReason,
  type FlowRecord,
} from '@mpp/contracts';
import { decodeCloudEvent, encodeCloudEvent } from '@mpp/kafka';
import type { KafkaMessage, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { connectedProducer, testKafka, TopicRecorder } from './support/kafka-probe';
import {
  parkDeadLetter,
  provisionAgencyTopics,
  startOps,
  type ParkedOriginal,
  type RunningOps,
  type TestOperator,
} from './support/ops-harness';
import { waitFor } from './support/wait-for';

// Created after ops started: its dead-letter topic must be found by the subscription pattern.
const agency = `dlq${randomUUID().slice(0, 6)}`;
const NIK = '2171015508900001';
const NAME = 'Siti Aminah';

function submission(): { applicationId: string; original: ParkedOriginal } {
  const applicationId = randomUUID();
  const data: ApplicationSubmitted = {
    applicationId,
    trackingNumber: 'K7QM-2XHD-9RW',
    serviceCode: `${agency}.surat-keterangan`,
    clientId: 'kiosk-1',
    applicant: { nik: NIK, name: NAME, contact: { phone: '081234567890' } },
    data: { keperluan: 'melamar pekerjaan' },
    documents: [],
    submittedAt: new Date().toISOString(),
  };
  const message = encodeCloudEvent(
    {
      id: randomUUID(),
      source: '/mpp/gateway',
      type: EventTypes.applicationSubmitted,
      specversion: CLOUDEVENTS_SPEC_VERSION,
      time: new Date().toISOString(),
      subject: applicationId,
      correlationid: `corr-${applicationId}`,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data,
    },
    applicationId,
  );
  return {
    applicationId,
    original: {
      key: applicationId,
      value: message.value as string,
      headers: { ...message.headers, 'x-extra': [Buffer.from('one'), Buffer.from('two')] },
    },
  };
}

function headersOf(message: KafkaMessage): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [
      name,
      (Array.isArray(value) ? value : [value]).map((single) => String(single)),
    ]),
  );
}

describe('ops: dead letters (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka();
  let producer: Producer;
  let ops: RunningOps;
  let operator: TestOperator;
  let applications: TopicRecorder;
  let flow: TopicRecorder;

  const api = (path: string, body?: unknown) =>
    ops.request(path, {
      apiKey: operator.apiKey,
      method: body === undefined ? 'GET' : 'POST',
      body,
    });
  const parkedOf = (applicationId: string) =>
    waitFor(
      async () => {
        const list = await api(`/v1/dead-letters?agency=${agency}&limit=200`);
        return list.body.items?.find(
          (item: { applicationId: string }) => item.applicationId === applicationId,
        );
      },
      { what: `the dead letter of ${applicationId}` },
    );
  const park = async (reason: DeadLetterReason = DeadLetterReasons.failed) => {
    const { applicationId, original } = submission();
    await parkDeadLetter(producer, agency, original, {
      reason,
      error: `TypeError: cannot read NIK ${NIK}`,
      attempts: 3,
    });
    return { applicationId, original, letter: await parkedOf(applicationId) };
  };
  const flowRecordsOf = (applicationId: string, hop: string) =>
    flow
      .byKey(applicationId)
      .map(({ message }) => decodeCloudEvent<FlowRecord>(message).data)
      .filter((record) => record.hop === hop);

  beforeAll(async () => {
    producer = await connectedProducer(kafka);
    ops = await startOps();
    operator = await ops.createOperator('ops');
    await provisionAgencyTopics(kafka, agency);
    applications = new TopicRecorder(kafka);
    await applications.start([Topics.applicationsOf(agency)]);
    flow = new TopicRecorder(kafka);
    await flow.start([Topics.flow]);
  }, 60000);

  afterAll(async () => {
    await producer?.disconnect();
    await applications?.stop();
    await flow?.stop();
    await ops?.close();
  }, 30000);

  it("picks up a new agency's dead-letter topic and lists what was parked, with why", async () => {
    const { applicationId, letter } = await park();
    expect(letter).toMatchObject({
      agency,
      state: 'parked',
      applicationId,
      serviceCode: `${agency}.surat-keterangan`,
      eventType: EventTypes.applicationSubmitted,
      reason: 'failed',
      error: 'TypeError: cannot read NIK 2171************',
      attempts: 3,
      source: { topic: Topics.applicationsOf(agency), partition: 0, offset: '0' },
      parkedAt: { topic: Topics.deadLettersOf(agency) },
      handling: null,
    });
  });

  it('shows the detail decoded and masked: never a NIK or a name', async () => {
    const { applicationId, letter } = await park();
    const detail = await api(`/v1/dead-letters/${letter.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.payload).toMatchObject({
      format: 'cloudevent',
      event: { type: EventTypes.applicationSubmitted, subject: applicationId },
      data: {
        applicationId,
        applicant: { nik: '2171************', name: 'S*** A***' },
        data: { keperluan: 'melamar pekerjaan' },
      },
    });
    expect(detail.body.headers).toEqual(
      expect.arrayContaining([{ name: 'mpp_dlq_reason', value: 'failed' }]),
    );
    const text = JSON.stringify(detail.body);
    expect(text).not.toContain(NIK);
    expect(text).not.toContain('Siti');
    expect(text).not.toContain('Aminah');

    expect((await api('/v1/dead-letters/999999999999')).status).toBe(404);
    expect((await api('/v1/dead-letters/abc')).status).toBe(404);
  });

  it('replays one to its source topic exactly as it was, once; a second replay is 409', async () => {
    const { applicationId, original, letter } = await park();
    const replayed = await api(`/v1/dead-letters/${letter.id}/replay`, {
      reason: 'registry fixed the form parser',
    });
    expect(replayed.status).toBe(200);
    expect(replayed.body.deadLetters).toEqual([
      expect.objectContaining({
        id: letter.id,
        state: 'replayed',
        handling: expect.objectContaining({
          action: 'replayed',
          by: operator.name,
          reason: 'registry fixed the form parser',
        }),
      }),
    ]);

    const [arrived] = await waitFor(
      () => applications.byKey(applicationId).length > 0 && applications.byKey(applicationId),
      { what: 'the replayed message on the source topic' },
    );
    expect(arrived.message.key?.toString()).toBe(applicationId);
    expect(arrived.message.value?.toString()).toBe(original.value);
    const headers = headersOf(arrived.message);
    expect(Object.keys(headers).filter((name) => name.startsWith('mpp_dlq_'))).toEqual([]);
    expect(headers).toEqual(
      Object.fromEntries(
        Object.entries(original.headers).map(([name, value]) => [
          name,
          (Array.isArray(value) ? value : [value]).map((single) => String(single)),
        ]),
      ),
    );

    const again = await api(`/v1/dead-letters/${letter.id}/replay`, { reason: 'once more' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      type: '/problems/dead-letter-already-handled',
      deadLetterIds: [letter.id],
    });
    expect(applications.byKey(applicationId)).toHaveLength(1);

    const [record] = await waitFor(
      () =>
        flowRecordsOf(applicationId, FlowHops.replayed).length > 0 &&
        flowRecordsOf(applicationId, FlowHops.replayed),
      { what: 'the ops.replayed flow record' },
    );
    expect(record).toMatchObject({
      component: 'ops',
      agency,
      applicationId,
      correlationId: `corr-${applicationId}`,
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      detail: {
        by: operator.name,
        reason: 'registry fixed the form parser',
        deadLetterId: letter.id,
      },
    });
    // ops reads its own record back: the replay is part of the application's timeline.
    await waitFor(
      async () =>
        (await api(`/v1/applications/${applicationId}/timeline`)).body.hops?.some(
          (hop: FlowRecord) => hop.hop === FlowHops.replayed,
        ),
      { what: 'the replay in the timeline' },
    );
  });

  it('discards with a reason; a discarded one cannot be replayed', async () => {
    const { applicationId, letter } = await park(DeadLetterReasons.unsupportedType);
    const discarded = await api(`/v1/dead-letters/${letter.id}/discard`, {
      reason: 'test message sent by mistake',
    });
    expect(discarded.status).toBe(200);
    expect(discarded.body.deadLetters[0]).toMatchObject({ state: 'discarded' });
    expect((await api(`/v1/dead-letters/${letter.id}/replay`, { reason: 'why not' })).status).toBe(
      409,
    );
    const list = await api(`/v1/dead-letters?agency=${agency}&state=discarded`);
    expect(list.body.items.map((item: { id: string }) => item.id)).toContain(letter.id);
    await waitFor(() => flowRecordsOf(applicationId, FlowHops.discarded).length === 1, {
      what: 'the ops.discarded flow record',
    });
    expect(applications.byKey(applicationId)).toHaveLength(0);
  });

  it('handles a selection all or none, and refuses a missing reason with nothing changed', async () => {
    const first = await park();
    const second = await park();
    const handled = await park();
    await api(`/v1/dead-letters/${handled.letter.id}/discard`, { reason: 'duplicate' });

    const mixed = await api('/v1/dead-letters/replay', {
      ids: [first.letter.id, second.letter.id, handled.letter.id],
      reason: 'bulk replay',
    });
    expect(mixed.status).toBe(409);
    expect(mixed.body.deadLetterIds).toEqual([handled.letter.id]);

    for (const body of [
      { ids: [first.letter.id] },
      { ids: [first.letter.id], reason: '  ' },
      { ids: [], reason: 'nothing' },
      { ids: [first.letter.id, first.letter.id], reason: 'twice' },
      { ids: ['x'], reason: 'not an id' },
    ]) {
      const refused = await api('/v1/dead-letters/replay', body);
      expect([JSON.stringify(body), refused.status]).toEqual([JSON.stringify(body), 400]);
    }
    const unknown = await api('/v1/dead-letters/replay', {
      ids: [first.letter.id, '999999999999'],
      reason: 'one does not exist',
    });
    expect(unknown.status).toBe(404);

    const parked = await api(`/v1/dead-letters?agency=${agency}&state=parked&limit=200`);
    const parkedIds = parked.body.items.map((item: { id: string }) => item.id);
    expect(parkedIds).toEqual(expect.arrayContaining([first.letter.id, second.letter.id]));

    const both = await api('/v1/dead-letters/replay', {
      ids: [first.letter.id, second.letter.id],
      reason: 'bulk replay',
    });
    expect(both.status).toBe(200);
    expect(both.body.deadLetters.map((letter: { state: string }) => letter.state)).toEqual([
      'replayed',
      'replayed',
    ]);
    await waitFor(
      () =>
        applications.byKey(first.applicationId).length === 1 &&
        applications.byKey(second.applicationId).length === 1,
      { what: 'both replayed messages' },
    );
  });

  it('pages the list with a cursor and refuses unknown filters', async () => {
    const page = await api(`/v1/dead-letters?agency=${agency}&limit=2`);
    expect(page.body.items).toHaveLength(2);
    const next = await api(
      `/v1/dead-letters?agency=${agency}&limit=2&cursor=${page.body.nextCursor}`,
    );
    expect(next.status).toBe(200);
    expect(Number(next.body.items[0].id)).toBeLessThan(Number(page.body.items[1].id));
    expect((await api('/v1/dead-letters?state=lost')).status).toBe(400);
  });

  it('stores a dead letter at a position one stored earlier held, when the topic was created again', async () => {
    const topic = Topics.deadLettersOf(agency);
    const admin = kafka.admin();
    await admin.connect();
    const [{ high: next }] = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
    // What ops kept of a broker rebuilt since: the same topic, partition and offset, years ago.
    await ops.app.get(DataSource).query(
      `INSERT INTO dead_letter (agency, dlq_topic, dlq_partition, dlq_offset, dlq_timestamp,
         headers, application_id)
       VALUES ($1, $2, 0, $3, '2024-01-02T03:04:05Z', '[]', $4)`,
      [agency, topic, next, randomUUID()],
    );

    const { applicationId, letter } = await park();

    expect(letter).toMatchObject({ applicationId, parkedAt: { topic, offset: next } });
    const [{ count }] = await ops.app
      .get(DataSource)
      .query(
        `SELECT count(*)::int AS count FROM dead_letter WHERE dlq_topic = $1 AND dlq_offset = $2`,
        [topic, next],
      );
    expect(count).toBe(2);
  });
});
