import { randomUUID } from 'node:crypto';
import { Topics } from '@mpp/contracts';
import type { Kafka } from 'kafkajs';
import { withDatabase } from './support/database';
import { startGateway, type GatewayClient, type RunningGateway } from './support/gateway-harness';
import { testKafka } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';

const agency = `akses${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const otherService = testServiceDescriptor(agency, 'surat-lain');

function application(serviceCode = service.code) {
  return {
    serviceCode,
    applicant: { nik: '2171015508900001', name: 'Siti Aminah', contact: {} },
    data: { keperluan: 'melamar pekerjaan' },
  };
}

async function storedApplications(): Promise<number> {
  return withDatabase(async (db) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM gateway.application WHERE agency = $1`,
      [agency],
    );
    return rows[0].n as number;
  });
}

describe('gateway access: keys, roles, grants, ownership and limits', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;

  const submitAs = (as: GatewayClient | undefined, body: unknown) =>
    as
      ? gateway.fetch(
          '/v1/applications',
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body),
          },
          as,
        )
      : fetch(`${gateway.url}/v1/applications`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
  const expectProblem = async (response: Response, status: number, type: string) => {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(((await response.json()) as { type: string }).type).toBe(type);
  };

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    await announceService(kafka, otherService);
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: `test-status-${agency}` });
    await gateway.waitForServices(otherService.code);
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await withdrawService(kafka, otherService.code);
    await gateway?.close();
  }, 30000);

  it('refuses a request without a key or with an unknown one, storing nothing', async () => {
    const before = await storedApplications();
    const anonymous = await submitAs(undefined, application());
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    await expectProblem(anonymous, 401, '/problems/unauthenticated');
    await expectProblem(
      await submitAs({ id: 'nobody', apiKey: 'mpp_not-a-real-key' }, application()),
      401,
      '/problems/unauthenticated',
    );
    const viaHeader = await fetch(`${gateway.url}/v1/applications/${randomUUID()}`, {
      headers: { 'x-api-key': gateway.client.apiKey },
    });
    expect(viaHeader.status).toBe(404);
    expect(await storedApplications()).toBe(before);
  });

  it('keeps health, metrics, the catalog and tracking open', async () => {
    for (const path of ['/health', '/metrics', '/v1/services', '/v1/track/0000-0000-000']) {
      const response = await fetch(`${gateway.url}${path}`);
      expect([200, 400, 404]).toContain(response.status);
      expect(response.status).not.toBe(401);
    }
    expect((await fetch(`${gateway.url}/v1/services/${service.code}`)).status).toBe(200);
  });

  it('lets a client submit only to the services granted to it', async () => {
    const narrow = await gateway.createClient(['client'], [service.code]);
    const agencyWide = await gateway.createClient(['client'], [`${agency}.*`]);
    const before = await storedApplications();
    await expectProblem(
      await submitAs(narrow, application(otherService.code)),
      403,
      '/problems/service-not-granted',
    );
    expect(await storedApplications()).toBe(before);
    expect((await submitAs(narrow, application())).status).toBe(202);
    expect((await submitAs(agencyWide, application(otherService.code))).status).toBe(202);
    const nothing = await gateway.createClient(['client'], []);
    await expectProblem(
      await submitAs(nothing, application()),
      403,
      '/problems/service-not-granted',
    );
  });

  it('shows a client only its own applications; ops see all', async () => {
    const owner = await gateway.createClient(['client'], ['*']);
    const stranger = await gateway.createClient(['client'], ['*']);
    const ops = await gateway.createClient(['ops'], []);
    const { id } = (await (await submitAs(owner, application())).json()) as { id: string };
    expect((await gateway.fetch(`/v1/applications/${id}`, {}, owner)).status).toBe(200);
    await expectProblem(
      await gateway.fetch(`/v1/applications/${id}`, {}, stranger),
      404,
      '/problems/not-found',
    );
    const cancellation = await gateway.fetch(
      `/v1/applications/${id}/cancellation`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      stranger,
    );
    await expectProblem(cancellation, 404, '/problems/not-found');
    const pending = await withDatabase((db) =>
      db.query(`SELECT count(*)::int AS n FROM gateway.outbox WHERE application_id = $1`, [id]),
    );
    expect(pending.rows[0].n).toBe(1);
    const seenByOps = await gateway.fetch(`/v1/applications/${id}`, {}, ops);
    expect(seenByOps.status).toBe(200);
    expect(((await seenByOps.json()) as { id: string }).id).toBe(id);
  });

  it('keeps administration and reports to their roles', async () => {
    await expectProblem(await gateway.fetch('/v1/admin/clients'), 403, '/problems/forbidden');
    await expectProblem(
      await gateway.fetch('/v1/reports/ikm?from=2026-11-01&to=2026-11-30'),
      403,
      '/problems/forbidden',
    );
    expect((await gateway.fetch('/v1/admin/clients', {}, gateway.admin)).status).toBe(200);
  });

  it('rotates keys: a second key works at once, a revoked one fails on its next request', async () => {
    const client = await gateway.createClient(['client'], ['*']);
    const issued = (await (
      await gateway.fetch(`/v1/admin/clients/${client.id}/keys`, { method: 'POST' }, gateway.admin)
    ).json()) as { keyId: string; apiKey: string; hint: string };
    const second: GatewayClient = { id: client.id, apiKey: issued.apiKey };
    expect(issued.apiKey.startsWith(issued.hint)).toBe(true);
    expect((await submitAs(second, application())).status).toBe(202);
    expect((await submitAs(client, application())).status).toBe(202);

    const view = (await (
      await gateway.fetch(`/v1/admin/clients/${client.id}`, {}, gateway.admin)
    ).json()) as { keys: { id: string; revokedAt: string | null }[] };
    const firstKey = view.keys.find((key) => key.id !== issued.keyId)!;
    const revoked = await gateway.fetch(
      `/v1/admin/clients/${client.id}/keys/${firstKey.id}`,
      { method: 'DELETE' },
      gateway.admin,
    );
    expect(revoked.status).toBe(204);
    await expectProblem(await submitAs(client, application()), 401, '/problems/unauthenticated');
    expect((await submitAs(second, application())).status).toBe(202);
    const stored = await withDatabase((db) =>
      db.query(`SELECT key_hash FROM gateway.client_key WHERE client_id = $1`, [client.id]),
    );
    for (const row of stored.rows) {
      expect(row.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.key_hash).not.toBe(issued.apiKey);
    }
  });

  it('validates what administrators send', async () => {
    const create = (body: unknown) =>
      gateway.fetch(
        '/v1/admin/clients',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        },
        gateway.admin,
      );
    await expectProblem(
      await create({ id: 'Bad Id!', name: 'x', roles: ['client'], grants: [] }),
      400,
      '/problems/validation-failed',
    );
    await expectProblem(
      await create({ id: 'kiosk-ok', name: 'Kios', roles: ['root'], grants: [] }),
      400,
      '/problems/validation-failed',
    );
    await expectProblem(
      await create({ id: 'kiosk-ok', name: 'Kios', roles: ['client'], grants: ['DROP TABLE'] }),
      400,
      '/problems/validation-failed',
    );
    await expectProblem(
      await create({ id: gateway.client.id, name: 'Again', roles: ['client'], grants: [] }),
      409,
      '/problems/client-exists',
    );
  });

  it('refuses JSON nested deeper than any application needs, storing nothing', async () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = { deeper: deep };
    const before = await storedApplications();
    await expectProblem(
      await submitAs(gateway.client, { ...application(), data: deep }),
      400,
      '/problems/too-deeply-nested',
    );
    expect(await storedApplications()).toBe(before);
  });

  it('answers a client over its rate limit with 429 and Retry-After', async () => {
    const limited = await startGateway({
      GATEWAY_RATE_LIMIT_PER_MINUTE: '3',
      GATEWAY_ROLES: 'api',
    });
    try {
      const statuses: number[] = [];
      let last: Response | undefined;
      for (let i = 0; i < 4; i++) {
        last = await limited.fetch(`/v1/applications/${randomUUID()}`);
        statuses.push(last.status);
      }
      expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
      await expectProblem(last!, 429, '/problems/rate-limited');
      // Another client has its own allowance.
      expect(
        (await limited.fetch(`/v1/applications/${randomUUID()}`, {}, limited.admin)).status,
      ).toBe(404);
    } finally {
      await limited.close();
    }
  });

  it('never publishes anything for a refused request', async () => {
    const published = await withDatabase((db) =>
      db.query(
        `SELECT count(*)::int AS n FROM gateway.outbox o JOIN gateway.application a ON a.id = o.application_id
          WHERE a.agency = $1`,
        [agency],
      ),
    );
    expect(published.rows[0].n).toBe(await storedApplications());
    expect(Topics.applicationsOf(agency)).toBe(`mpp.${agency}.applications`);
  });
});
