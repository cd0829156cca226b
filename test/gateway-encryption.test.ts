import { randomBytes, randomUUID } from 'node:crypto';
import { Topics } from '@mpp/contracts';
import { decodeCloudEvent } from '@mpp/kafka';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { createGatewayApp } from '../apps/gateway/src/gateway.app';
import { PersonalDataCipher } from '../apps/gateway/src/encryption/personal-data-cipher';
import { sealStoredPersonalData } from '../apps/gateway/src/migrations/1764892800000-encrypt-personal-data';
import {
  applyAgencyStatuses,
  submitTestApplication,
  TEST_APPLICANT,
} from './support/test-applications';
import { withDatabase } from './support/database';
import { withEnvironment } from './support/environment';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { testKafka, TopicRecorder } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

const agency = `sandi${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const {
  nik: NIK,
  name: NAME,
  contact: { phone: PHONE },
} = TEST_APPLICANT;
const PERSONAL = [NIK, NAME, PHONE];

// Key ids of their own per run: a key id, once seen, stays bound to its key in the database.
const run = randomUUID().slice(0, 6);
const oldKey = { id: `old${run}`, key: randomBytes(32).toString('base64') };
const newKey = { id: `new${run}`, key: randomBytes(32).toString('base64') };
const keysEnv = (active: { id: string }, ...keys: { id: string; key: string }[]) => ({
  GATEWAY_DATA_KEYS: keys.map(({ id, key }) => `${id}:${key}`).join(','),
  GATEWAY_DATA_KEY_ID: active.id,
});

/** The raw stored columns that held personal data in plain text before. */
async function storedText(applicationId: string) {
  return withDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT a.applicant::text AS applicant, a.applicant->>'kid' AS kid,
              (SELECT string_agg(o.payload::text, ' ') FROM gateway.outbox o
                WHERE o.application_id = a.id) AS outbox
         FROM gateway.application a WHERE a.id = $1`,
      [applicationId],
    );
    return rows[0] as { applicant: string; kid: string; outbox: string };
  });
}

function expectNoPersonalData(text: string): void {
  for (const value of PERSONAL) expect(text).not.toContain(value);
}

/** Starts a gateway expected to refuse; answers why, leaving nothing running. */
async function refusedStart(env: Record<string, string>): Promise<Error> {
  let app: NestExpressApplication | undefined;
  try {
    app = await withEnvironment({ GATEWAY_ROLES: 'api', ...env }, createGatewayApp);
    await app.init();
  } catch (error) {
    await app?.close();
    return error as Error;
  }
  await app.close();
  throw new Error('the gateway started');
}

describe('gateway: personal data encrypted at rest', () => {
  let kafka: Kafka;
  let recorder: TopicRecorder;
  const running: RunningGateway[] = [];

  const start = async (env: Record<string, string> = {}) => {
    const gateway = await startGateway({ GATEWAY_ROLES: 'api,relay,catalog', ...env });
    running.push(gateway);
    await gateway.waitForServices(service.code);
    return gateway;
  };
  const stop = async (gateway: RunningGateway) => {
    running.splice(running.indexOf(gateway), 1);
    await gateway.close();
  };
  const submit = async (gateway: RunningGateway, idempotencyKey = randomUUID()) =>
    (await submitTestApplication(gateway, service.code, { idempotencyKey })).id;
  /** By default as the administrator, who sees the applications of every gateway's client. */
  const read = async (gateway: RunningGateway, id: string, as = gateway.admin) => {
    const response = await gateway.fetch(`/v1/applications/${id}`, {}, as);
    return { status: response.status, body: (await response.json()) as any };
  };
  /** What the agency's adapter received for the application: the relay opens the payloads. */
  const published = (id: string, count = 1) =>
    waitFor(
      () =>
        recorder.byKey(id).length >= count &&
        recorder.byKey(id).map(({ message }) => decodeCloudEvent<any>(message).data),
      { what: `${count} events of ${id} on the agency topic` },
    );

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    recorder = new TopicRecorder(kafka);
    await recorder.start([Topics.applicationsOf(agency)]);
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await recorder?.stop();
    await Promise.all(running.map((gateway) => gateway.close()));
  }, 30000);

  it('stores no NIK, name or contact in plain text, and shows them to the owner and the agency', async () => {
    const gateway = await start();
    const key = randomUUID();
    const id = await submit(gateway, key);
    await applyAgencyStatuses(gateway, service.code, id, [
      'DELIVERED',
      'IN_PROCESS',
      'NEEDS_REVISION',
    ]);
    const resubmissionKey = randomUUID();
    const resubmit = () =>
      gateway.fetch(`/v1/applications/${id}/resubmission`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': resubmissionKey },
        body: JSON.stringify({ data: { keperluan: 'melamar pekerjaan di Batam' } }),
      });
    expect((await resubmit()).status).toBe(202);

    const stored = await storedText(id);
    expectNoPersonalData(stored.applicant);
    expectNoPersonalData(stored.outbox);
    expect(stored.kid).toBe('dev');
    const answers = await withDatabase((db) =>
      db.query(
        `SELECT response_body::text AS body FROM gateway.idempotency_record
          WHERE client_id = $1 AND key = ANY($2::text[])`,
        [gateway.client.id, [key, resubmissionKey]],
      ),
    );
    expect(answers.rows).toHaveLength(2);
    for (const { body } of answers.rows) expectNoPersonalData(body);

    const shown = await read(gateway, id, gateway.client);
    expect(shown.body.applicant).toEqual({ nik: NIK, name: NAME, contact: { phone: PHONE } });
    const replayed = await resubmit();
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replayed.json()) as any).applicant.nik).toBe(NIK);
    const events = await published(id, 2);
    expect(events.map((event) => event.applicant.nik)).toEqual([NIK, NIK]);
  });

  it('reads data sealed with the previous key after the active key changes', async () => {
    const before = await start(keysEnv(oldKey, oldKey));
    const id = await submit(before);
    expect((await storedText(id)).kid).toBe(oldKey.id);
    await published(id);
    await stop(before);

    const after = await start(keysEnv(newKey, oldKey, newKey));
    expect((await read(after, id)).body.applicant.nik).toBe(NIK);
    const later = await submit(after);
    expect((await storedText(later)).kid).toBe(newKey.id);
    expect((await published(later))[0].applicant.name).toBe(NAME);

    // Without the old key, its data cannot be read: the request fails, nothing is made up.
    await stop(after);
    const withoutOld = await start(keysEnv(newKey, newKey));
    const refused = await read(withoutOld, id);
    expect(refused.status).toBe(500);
    expect(refused.body.type).toBe('/problems/internal-error');
    expect(JSON.stringify(refused.body)).not.toContain(NIK);
    expect((await read(withoutOld, later)).body.applicant.nik).toBe(NIK);
  });

  it('refuses to start with a different key under a known key id', async () => {
    const impostor = { id: oldKey.id, key: randomBytes(32).toString('base64') };
    const error = await refusedStart(keysEnv(impostor, impostor));
    expect(error.message).toContain(`data key "${oldKey.id}" cannot be decrypted`);
  });

  it('refuses to start with missing or malformed keys', async () => {
    expect(
      (await refusedStart({ GATEWAY_DATA_KEYS: `k1:${randomBytes(32).toString('base64')}` }))
        .message,
    ).toMatch(/GATEWAY_DATA_KEYS and GATEWAY_DATA_KEY_ID must be set together/);
    expect(
      (await refusedStart({ GATEWAY_DATA_KEYS: 'k1:c2hvcnQ=', GATEWAY_DATA_KEY_ID: 'k1' })).message,
    ).toMatch(/key "k1" must be 32 bytes/);
  });

  it('seals the plain-text rows an earlier version stored', async () => {
    const gateway = running[0] ?? (await start());
    const id = randomUUID();
    const applicant = { nik: NIK, name: NAME, contact: { phone: PHONE } };
    await withDatabase(async (db) => {
      await db.query(
        `INSERT INTO gateway.application (id, tracking_number, service_code, agency, client_id,
           applicant, data, documents, status, correlation_id, submitted_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, '{}', '[]', 'SUBMITTED', 'plain', now(), now())`,
        [id, `PLAIN${run}`, service.code, agency, gateway.client.id, applicant],
      );
      // Published already: the payload stays in the table all the same.
      await db.query(
        `INSERT INTO gateway.outbox (application_id, topic, event_id, event_type, payload,
           correlation_id, created_at, published_at)
         VALUES ($1, $2, $3, 'id.go.batam.mpp.application.submitted.v1', $4, 'plain', now(), now())`,
        [id, Topics.applicationsOf(agency), randomUUID(), { applicant }],
      );
    });
    // What the migration does at the upgrade, run again over these rows.
    const runner = gateway.app.get(DataSource).createQueryRunner();
    try {
      await sealStoredPersonalData(runner, gateway.app.get(PersonalDataCipher));
    } finally {
      await runner.release();
    }
    const stored = await storedText(id);
    expectNoPersonalData(stored.applicant);
    expectNoPersonalData(stored.outbox);
    expect((await read(gateway, id)).body.applicant).toEqual(applicant);
  });
});
