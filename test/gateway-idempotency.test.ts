import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { withDatabase } from './support/database';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { testKafka } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

const agency = `idem${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const TTL_SECONDS = 2;

function application(keperluan: string) {
  return {
    serviceCode: service.code,
    applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact: {} },
    data: { keperluan },
  };
}

describe('Idempotency-Key expiry (real PostgreSQL)', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    gateway = await startGateway({
      GATEWAY_ROLES: 'api,relay,catalog',
      IDEMPOTENCY_TTL_HOURS: String(TTL_SECONDS / 3600),
      IDEMPOTENCY_PURGE_INTERVAL_MS: '1000',
    });
    await gateway.waitForServices(service.code);
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await gateway?.close();
  }, 30000);

  async function submit(key: string, keperluan: string) {
    const response = await gateway.fetch('/v1/applications', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify(application(keperluan)),
    });
    const body = (await response.json()) as { id: string; type?: string };
    return { status: response.status, replayed: response.headers.get('idempotent-replayed'), body };
  }

  const recordOf = (key: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT expires_at <= now() AS expired FROM gateway.idempotency_record
          WHERE client_id = $1 AND key = $2`,
        [gateway.client.id, key],
      );
      return rows[0] as { expired: boolean } | undefined;
    });
  /** Expired, and perhaps purged already. */
  const expired = (key: string) =>
    waitFor(async () => (await recordOf(key))?.expired !== false, {
      what: `the record of ${key} to expire`,
    });

  it('answers a retry with the first answer, and another body under the key with 422', async () => {
    const key = randomUUID();
    const first = await submit(key, 'melamar pekerjaan');
    const retry = await submit(key, 'melamar pekerjaan');
    const other = await submit(key, 'keperluan lain');
    expect(first.status).toBe(202);
    expect(retry).toMatchObject({ status: 202, replayed: 'true', body: { id: first.body.id } });
    expect(other.status).toBe(422);
    expect(other.body.type).toBe('/problems/idempotency-key-reused');
  });

  it('forgets a key once it expired: the same key is a new request, whatever its body', async () => {
    const key = randomUUID();
    const first = await submit(key, 'melamar pekerjaan');
    await expired(key);
    const later = await submit(key, 'keperluan lain');
    expect(later.status).toBe(202);
    expect(later.replayed).toBeNull();
    expect(later.body.id).not.toBe(first.body.id);
    // The key now answers for the new request.
    expect((await submit(key, 'keperluan lain')).body.id).toBe(later.body.id);
  });

  it('deletes expired records periodically', async () => {
    const key = randomUUID();
    await submit(key, 'melamar pekerjaan');
    expect(await recordOf(key)).toEqual({ expired: false });
    await waitFor(async () => (await recordOf(key)) === undefined, {
      what: `the purge of the record of ${key}`,
    });
  });
});
