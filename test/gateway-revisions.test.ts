import { randomUUID } from 'node:crypto';
import {
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  Topics,
  type ApplicationCancelled,
  type ApplicationResubmitted,
  type ApplicationStatus,
  type StatusChanged,
} from '@mpp/contracts';
import { encodeCloudEvent } from '@mpp/kafka';
import type { Kafka, Producer } from 'kafkajs';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { connectedProducer, header, testKafka, TopicRecorder } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

const agency = `revisi${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const CORRECTED = { keperluan: 'melamar pekerjaan di Batam', jumlah: 2 };

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

describe('resubmission and cancellation after submission (real Kafka and PostgreSQL)', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;
  let recorder: TopicRecorder;
  let producer: Producer;

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: `test-revisions-status-${agency}` });
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

  async function post(
    path: string,
    body: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const response = await gateway.fetch(`${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  const resubmit = (id: string, body: unknown, headers?: Record<string, string>) =>
    post(`/v1/applications/${id}/resubmission`, body, headers);
  const cancel = (id: string, body: unknown = {}, headers?: Record<string, string>) =>
    post(`/v1/applications/${id}/cancellation`, body, headers);

  async function application(id: string): Promise<any> {
    return (await gateway.fetch(`/v1/applications/${id}`)).json();
  }

  async function submit(): Promise<string> {
    const answer = await post('/v1/applications', {
      serviceCode: service.code,
      applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact: {} },
      data: { keperluan: 'melamar pekerjaan' },
    });
    expect(answer.status).toBe(202);
    return answer.body.id;
  }

  /** Reports statuses as the agency's adapter would, and waits until the last one is applied. */
  async function agencyReports(id: string, ...statuses: ApplicationStatus[]): Promise<void> {
    for (const status of statuses) {
      const data: StatusChanged = {
        applicationId: id,
        serviceCode: service.code,
        status,
        occurredAt: new Date().toISOString(),
      };
      const event = {
        id: `${id}:${status}:${randomUUID().slice(0, 8)}`,
        source: EventSources.adapter(agency),
        type: EventTypes.statusChanged,
        specversion: CLOUDEVENTS_SPEC_VERSION,
        time: new Date().toISOString(),
        subject: id,
        data,
      } as const;
      await producer.send({ topic: Topics.status, messages: [encodeCloudEvent(event, id)] });
    }
    const last = statuses[statuses.length - 1];
    await waitFor(async () => (await application(id)).status === last, {
      what: `${id} to be ${last}`,
    });
  }

  async function needingRevision(): Promise<string> {
    const id = await submit();
    await agencyReports(id, 'DELIVERED', 'IN_PROCESS', 'NEEDS_REVISION');
    return id;
  }

  /** What the gateway keeps of an application's requests: it must not change on a refusal. */
  async function stored(id: string) {
    return withDatabase(async (db) => {
      const row = await db.query(
        `SELECT a.revision, a.data,
                (SELECT count(*)::int FROM gateway.outbox o WHERE o.application_id = a.id) AS outbox,
                (SELECT count(*)::int FROM gateway.application_request r
                  WHERE r.application_id = a.id) AS requests
           FROM gateway.application a WHERE a.id = $1`,
        [id],
      );
      return row.rows[0];
    });
  }

  /** Every outbox record of the application published; returns what reached the agency topic. */
  async function publishedFor(id: string) {
    const { outbox } = await stored(id);
    return waitFor(() => recorder.byKey(id).length === outbox && recorder.byKey(id), {
      what: `the ${outbox} events of ${id} on the agency topic`,
    });
  }

  function expectProblem(answer: Answer, status: number, type: string): void {
    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toContain('application/problem+json');
    expect(answer.body.type).toBe(type);
  }

  it('commits a resubmission in NEEDS_REVISION as revision 2 and publishes it after the submission', async () => {
    const id = await needingRevision();
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const documents = [
      {
        name: 'surat-pengantar.pdf',
        mediaType: 'application/pdf',
        sha256: 'b'.repeat(64),
        url: 'https://dokumen.batam.go.id/berkas/2',
      },
    ];

    const answer = await resubmit(id, { data: CORRECTED, documents }, { traceparent });

    expect(answer.status).toBe(202);
    expect(answer.headers.get('location')).toBe(`/v1/applications/${id}`);
    expect(answer.body).toMatchObject({
      id,
      status: 'NEEDS_REVISION',
      revision: 2,
      data: CORRECTED,
      documents,
      pendingRequests: [{ request: 'RESUBMISSION', revision: 2, source: 'applicant' }],
    });
    expect(await stored(id)).toMatchObject({ revision: 2, data: CORRECTED, outbox: 2 });

    const published = await publishedFor(id);
    expect(published.map((record) => header(record.message, 'ce_type'))).toEqual([
      EventTypes.applicationSubmitted,
      EventTypes.applicationResubmitted,
    ]);
    expect(new Set(published.map((record) => record.partition)).size).toBe(1);
    const { message } = published[1];
    expect(header(message, 'ce_specversion')).toBe(CLOUDEVENTS_SPEC_VERSION);
    expect(header(message, 'ce_source')).toBe(EventSources.gateway);
    expect(header(message, 'ce_subject')).toBe(id);
    expect(header(message, 'content-type')).toBe('application/json');
    expect(header(message, 'ce_correlationid')).toBeTruthy();
    expect(header(message, 'traceparent')).toBe(traceparent);
    const event = JSON.parse(message.value!.toString()) as ApplicationResubmitted;
    expect(event).toMatchObject({
      applicationId: id,
      serviceCode: service.code,
      revision: 2,
      data: CORRECTED,
      documents,
    });

    const timeline = (await application(id)).timeline;
    expect(timeline.map((step: any) => step.status ?? step.request)).toEqual([
      'SUBMITTED',
      'DELIVERED',
      'IN_PROCESS',
      'NEEDS_REVISION',
      'RESUBMISSION',
    ]);
  });

  it('refuses a resubmission while an earlier one is pending and outside NEEDS_REVISION', async () => {
    const fresh = await submit();
    const notYet = await resubmit(fresh, { data: CORRECTED }, { 'accept-language': 'en' });
    expectProblem(notYet, 409, '/problems/resubmission-not-allowed');
    expect(notYet.body.title).toBe('Resubmission not allowed');
    expect(notYet.body.detail).toContain('SUBMITTED');

    const id = await needingRevision();
    expect((await resubmit(id, { data: CORRECTED })).status).toBe(202);
    const before = await stored(id);
    const again = await resubmit(id, { data: { keperluan: 'koreksi kedua' } });
    expectProblem(again, 409, '/problems/resubmission-not-allowed');
    expect(again.body.title).toBe('Perbaikan tidak dapat dikirim');
    expect(await stored(id)).toEqual(before);

    // The agency takes the corrected application up again: the resubmission is answered.
    await agencyReports(id, 'IN_PROCESS');
    expect((await application(id)).pendingRequests).toEqual([]);
    expectProblem(
      await resubmit(id, { data: CORRECTED }),
      409,
      '/problems/resubmission-not-allowed',
    );

    await agencyReports(id, 'NEEDS_REVISION');
    const third = await resubmit(id, { data: { keperluan: 'koreksi ketiga' } });
    expect(third.status).toBe(202);
    expect(third.body.revision).toBe(3);
    const published = await publishedFor(id);
    const revisions = published
      .slice(1)
      .map(
        (record) =>
          (JSON.parse(record.message.value!.toString()) as ApplicationResubmitted).revision,
      );
    expect(revisions).toEqual([2, 3]);
  });

  it.each([
    ['data that breaks the service schema', { data: { keperluan: 'x' } }, 'data.keperluan'],
    [
      'data with a field the service does not know',
      { data: { ...CORRECTED, lain: 1 } },
      'data.lain',
    ],
    ['no data', {}, 'data'],
    ['an unknown field', { data: CORRECTED, serviceCode: 'lain.layanan' }, 'serviceCode'],
    [
      'a document with a bad sha256',
      {
        data: CORRECTED,
        documents: [
          { name: 'a', mediaType: 'application/pdf', sha256: 'x', url: 'https://a.id/b' },
        ],
      },
      'documents.0.sha256',
    ],
  ])(
    'answers 400 with field errors for %s and stores or publishes nothing',
    async (_case, body, field) => {
      const id = await needingRevision();
      const before = await stored(id);
      const answer = await resubmit(id, body, { 'accept-language': 'en' });
      expectProblem(answer, 400, '/problems/validation-failed');
      expect(answer.body.errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await stored(id)).toEqual(before);
      expect((await application(id)).pendingRequests).toEqual([]);
    },
  );

  it('replays a resubmission for a repeated Idempotency-Key and refuses a different body with 422', async () => {
    const id = await needingRevision();
    const key = randomUUID();
    const first = await resubmit(id, { data: CORRECTED }, { 'idempotency-key': key });
    const again = await resubmit(id, { data: CORRECTED }, { 'idempotency-key': key });
    expect(first.status).toBe(202);
    expect(again.status).toBe(202);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.headers.get('location')).toBe(`/v1/applications/${id}`);
    expect(again.body).toEqual(first.body);
    const before = await stored(id);
    expect(before).toMatchObject({ revision: 2, outbox: 2, requests: 1 });

    const different = await resubmit(
      id,
      { data: { keperluan: 'lain hal' } },
      { 'idempotency-key': key },
    );
    expectProblem(different, 422, '/problems/idempotency-key-reused');
    const elsewhere = await resubmit(
      await needingRevision(),
      { data: CORRECTED },
      { 'idempotency-key': key },
    );
    expectProblem(elsewhere, 422, '/problems/idempotency-key-reused');
    expect(await stored(id)).toEqual(before);
  });

  it('answers 404 for an unknown application and 400 for an id that is no UUID', async () => {
    const requests = [
      (id: string) => resubmit(id, { data: CORRECTED }),
      (id: string) => cancel(id, { reason: 'tidak jadi' }),
    ];
    for (const request of requests) {
      expectProblem(await request(randomUUID()), 404, '/problems/not-found');
      const malformed = await request('not-a-uuid');
      expectProblem(malformed, 400, '/problems/validation-failed');
      expect(malformed.body.errors.map((error: { field: string }) => error.field)).toEqual(['id']);
    }
  });

  it('publishes a cancellation once even when asked twice, and applies CANCELLED from the agency', async () => {
    const id = await submit();
    await agencyReports(id, 'DELIVERED');

    const first = await cancel(id, { reason: 'Sudah diurus di kantor lain' });
    expect(first.status).toBe(202);
    expect(first.headers.get('location')).toBe(`/v1/applications/${id}`);
    expect(first.body).toMatchObject({
      status: 'DELIVERED',
      pendingRequests: [{ request: 'CANCELLATION', reason: 'Sudah diurus di kantor lain' }],
    });
    const again = await gateway.fetch(`/v1/applications/${id}/cancellation`, {
      method: 'POST',
    });
    expect(again.status).toBe(202);
    expect(((await again.json()) as any).pendingRequests).toHaveLength(1);
    expect(await stored(id)).toMatchObject({ outbox: 2, requests: 1 });

    const published = await publishedFor(id);
    expect(published.map((record) => header(record.message, 'ce_type'))).toEqual([
      EventTypes.applicationSubmitted,
      EventTypes.applicationCancelled,
    ]);
    const event = JSON.parse(published[1].message.value!.toString()) as ApplicationCancelled;
    expect(event).toMatchObject({
      applicationId: id,
      serviceCode: service.code,
      reason: 'Sudah diurus di kantor lain',
    });

    // CANCELLED is the agency's to report.
    expect((await application(id)).status).toBe('DELIVERED');
    await agencyReports(id, 'CANCELLED');
    const cancelled = await application(id);
    expect(cancelled.pendingRequests).toEqual([]);
    expect(cancelled.timeline.map((step: any) => step.status ?? step.request)).toEqual([
      'SUBMITTED',
      'DELIVERED',
      'CANCELLATION',
      'CANCELLED',
    ]);
    const afterwards = await cancel(id);
    expectProblem(afterwards, 409, '/problems/cancellation-not-allowed');
    expect(await stored(id)).toMatchObject({ outbox: 2, requests: 1 });
  });

  it('refuses a resubmission while a cancellation is pending', async () => {
    const id = await needingRevision();
    expect((await cancel(id)).status).toBe(202);
    const before = await stored(id);
    expectProblem(
      await resubmit(id, { data: CORRECTED }),
      409,
      '/problems/resubmission-not-allowed',
    );
    expect(await stored(id)).toEqual(before);
  });

  it('refuses a cancellation once the agency approved, and stores nothing', async () => {
    const id = await submit();
    await agencyReports(id, 'DELIVERED', 'IN_PROCESS', 'APPROVED');
    const before = await stored(id);
    const answer = await cancel(id, { reason: 'terlambat' }, { 'accept-language': 'en' });
    expectProblem(answer, 409, '/problems/cancellation-not-allowed');
    expect(answer.body.title).toBe('Cancellation not allowed');
    expect(answer.body.detail).toContain('APPROVED');
    expect(await stored(id)).toEqual(before);
  });

  it('decides concurrent requests about one application one at a time', async () => {
    const revising = await needingRevision();
    const resubmissions = await Promise.all([
      resubmit(revising, { data: CORRECTED }),
      resubmit(revising, { data: { keperluan: 'koreksi yang sama waktunya' } }),
    ]);
    expect(resubmissions.map((answer) => answer.status).sort()).toEqual([202, 409]);
    expect(await stored(revising)).toMatchObject({ revision: 2, outbox: 2, requests: 1 });

    const withdrawing = await submit();
    const cancellations = await Promise.all([cancel(withdrawing), cancel(withdrawing)]);
    expect(cancellations.map((answer) => answer.status)).toEqual([202, 202]);
    expect(await stored(withdrawing)).toMatchObject({ outbox: 2, requests: 1 });
  });

  it('documents both requests in the OpenAPI description', async () => {
    const openApi = (await (await gateway.fetch(`/docs-json`)).json()) as any;
    expect(Object.keys(openApi.paths)).toEqual(
      expect.arrayContaining([
        '/v1/applications/{id}/resubmission',
        '/v1/applications/{id}/cancellation',
      ]),
    );
    expect(openApi.paths['/v1/applications/{id}/resubmission'].post.responses).toHaveProperty(
      '409',
    );
  });

  it('refuses a cancellation reason longer than 500 characters', async () => {
    const id = await submit();
    const answer = await cancel(id, { reason: 'x'.repeat(501) });
    expectProblem(answer, 400, '/problems/validation-failed');
    expect(answer.body.errors.map((error: { field: string }) => error.field)).toEqual(['reason']);
    expect((await stored(id)).requests).toBe(0);
  });
});
