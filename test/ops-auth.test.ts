import { randomUUID } from 'node:crypto';
import { runOperatorCli } from '../apps/ops/src/cli/operator-cli';
import { withDatabase } from './support/database';
import { withEnvironment } from './support/environment';
import { startOps, type RunningOps, type TestOperator } from './support/ops-harness';

const GUARDED_ROUTES = [
  ['GET', '/v1/me'],
  ['GET', '/v1/flows'],
  ['GET', `/v1/applications/${randomUUID()}/timeline`],
  ['GET', '/v1/agencies'],
  ['GET', '/v1/consumer-lag'],
  ['GET', '/v1/dead-letters'],
  ['GET', '/v1/dead-letters/1'],
  ['POST', '/v1/dead-letters/1/replay'],
  ['POST', '/v1/dead-letters/replay'],
  ['POST', '/v1/dead-letters/1/discard'],
  ['POST', '/v1/dead-letters/discard'],
  ['GET', '/v1/stream'],
  ['GET', '/v1/operators'],
  ['POST', '/v1/operators'],
] as const;

function sessionCookieOf(response: { headers: Headers }): string {
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0];
}

describe('ops: operators, API keys, sessions and roles (real PostgreSQL)', () => {
  let ops: RunningOps;
  let admin: TestOperator;
  let operator: TestOperator;

  beforeAll(async () => {
    ops = await startOps();
    admin = await ops.createOperator('admin');
    operator = await ops.createOperator('ops');
  }, 60000);

  afterAll(async () => {
    await ops?.close();
  }, 30000);

  it('denies every API route without a key: 401 problem+json with a Bearer challenge', async () => {
    for (const [method, path] of GUARDED_ROUTES) {
      const answer = await ops.request(path, { method, body: method === 'POST' ? {} : undefined });
      expect([method, path, answer.status]).toEqual([method, path, 401]);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ type: '/problems/unauthenticated', status: 401 });
    }
  });

  it('denies a key it does not know, a malformed one and another scheme', async () => {
    for (const authorization of [
      `Bearer mppops_${'A'.repeat(43)}`,
      'Bearer nonsense',
      `Basic ${Buffer.from(`x:${operator.apiKey}`).toString('base64')}`,
      'Bearer',
    ]) {
      const answer = await ops.request('/v1/me', { headers: { authorization } });
      expect([authorization, answer.status]).toEqual([authorization, 401]);
    }
  });

  it('leaves /health and /metrics open to probes', async () => {
    expect((await ops.request('/health')).status).toBe(200);
    const metrics = await ops.request('/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.body).toContain('mpp_ops_dead_letters_parked');
    expect(metrics.body).toContain('mpp_ops_ingested_total');
  });

  it('serves the dashboard files with a strict content security policy', async () => {
    const page = await ops.request('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>MPP Ops</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
  });

  it('lets an ops operator read but not manage operators (403)', async () => {
    const me = await ops.request('/v1/me', { apiKey: operator.apiKey });
    expect(me.body).toEqual({ id: operator.id, name: operator.name, role: 'ops', via: 'api-key' });
    expect((await ops.request('/v1/flows', { apiKey: operator.apiKey })).status).toBe(200);

    const forbidden = await ops.request('/v1/operators', {
      apiKey: operator.apiKey,
      headers: { 'accept-language': 'en' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({
      type: '/problems/forbidden',
      detail: 'This action needs the admin role.',
    });
  });

  it('lets an admin create operators and keys, shown once and stored only as a hash', async () => {
    const name = `siti.${randomUUID().slice(0, 6)}`;
    const created = await ops.request('/v1/operators', {
      apiKey: admin.apiKey,
      method: 'POST',
      body: { name, role: 'ops' },
    });
    expect(created.status).toBe(201);
    const { operator: newOperator, key } = created.body;
    expect(newOperator).toMatchObject({ name, role: 'ops' });
    expect(key.apiKey).toMatch(/^mppops_/);
    expect((await ops.request('/v1/me', { apiKey: key.apiKey })).body.name).toBe(name);

    const second = await ops.request(`/v1/operators/${newOperator.id}/keys`, {
      apiKey: admin.apiKey,
      method: 'POST',
      body: { label: 'laptop' },
    });
    expect(second.status).toBe(201);
    expect(second.body.apiKey).not.toBe(key.apiKey);
    expect((await ops.request('/v1/me', { apiKey: second.body.apiKey })).status).toBe(200);

    const stored = await withDatabase((db) =>
      db.query(`SELECT key_hash, hint FROM ops.operator_api_key WHERE operator_id = $1`, [
        newOperator.id,
      ]),
    );
    expect(stored.rows).toHaveLength(2);
    expect(JSON.stringify(stored.rows)).not.toContain(key.apiKey.slice(13));

    const list = await ops.request('/v1/operators', { apiKey: admin.apiKey });
    const listed = list.body.operators.find((entry: { name: string }) => entry.name === name);
    expect(listed.keys.map((entry: { label: string | null }) => entry.label)).toEqual([
      null,
      'laptop',
    ]);
    expect(JSON.stringify(list.body)).not.toContain(key.apiKey);

    const duplicate = await ops.request('/v1/operators', {
      apiKey: admin.apiKey,
      method: 'POST',
      body: { name, role: 'admin' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.type).toBe('/problems/operator-exists');

    const invalid = await ops.request('/v1/operators', {
      apiKey: admin.apiKey,
      method: 'POST',
      body: { name: 'Bad Name!', role: 'root' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((error: { field: string }) => error.field).sort()).toEqual([
      'name',
      'role',
    ]);
  });

  it('refuses a revoked key at once, and the sessions opened with it', async () => {
    const holder = await ops.createOperator('ops');
    const signIn = await ops.request('/v1/session', {
      method: 'POST',
      body: { apiKey: holder.apiKey },
    });
    const cookie = sessionCookieOf(signIn);
    expect((await ops.request('/v1/me', { headers: { cookie } })).status).toBe(200);

    const keyId = (
      await withDatabase((db) =>
        db.query(`SELECT id FROM ops.operator_api_key WHERE operator_id = $1`, [holder.id]),
      )
    ).rows[0].id;
    const revoked = await ops.request(`/v1/operators/${holder.id}/keys/${keyId}`, {
      apiKey: admin.apiKey,
      method: 'DELETE',
    });
    expect(revoked.status).toBe(204);

    expect((await ops.request('/v1/me', { apiKey: holder.apiKey })).status).toBe(401);
    expect((await ops.request('/v1/me', { headers: { cookie } })).status).toBe(401);
    const again = await ops.request('/v1/session', {
      method: 'POST',
      body: { apiKey: holder.apiKey },
    });
    expect(again.status).toBe(401);

    const unknownKey = await ops.request(`/v1/operators/${holder.id}/keys/${randomUUID()}`, {
      apiKey: admin.apiKey,
      method: 'DELETE',
    });
    expect(unknownKey.status).toBe(404);
  });

  describe('dashboard sessions', () => {
    it('trades a key for an HttpOnly, SameSite=Strict cookie that authorises requests', async () => {
      const signIn = await ops.request('/v1/session', {
        method: 'POST',
        body: { apiKey: operator.apiKey },
      });
      expect(signIn.status).toBe(201);
      expect(signIn.body.operator).toEqual({ name: operator.name, role: 'ops' });
      const setCookie = signIn.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/^mpp_ops_session=[\w-]{43};/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).toMatch(/Secure/);
      expect(setCookie).toMatch(/Path=\//);
      expect(JSON.stringify(signIn.body)).not.toContain(operator.apiKey);

      const cookie = sessionCookieOf(signIn);
      const me = await ops.request('/v1/me', { headers: { cookie } });
      expect(me.body).toMatchObject({ name: operator.name, via: 'session' });

      const signOut = await ops.request('/v1/session', { method: 'DELETE', headers: { cookie } });
      expect(signOut.status).toBe(204);
      expect(signOut.headers.get('set-cookie')).toMatch(/mpp_ops_session=;/);
      expect((await ops.request('/v1/me', { headers: { cookie } })).status).toBe(401);
    });

    it('refuses a wrong key with 401 and sets no cookie', async () => {
      const refused = await ops.request('/v1/session', {
        method: 'POST',
        body: { apiKey: `mppops_${'B'.repeat(43)}` },
      });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('set-cookie')).toBeNull();
    });

    it('refuses a change made with the cookie from another origin', async () => {
      const cookie = sessionCookieOf(
        await ops.request('/v1/session', { method: 'POST', body: { apiKey: operator.apiKey } }),
      );
      const crossSite = await ops.request('/v1/dead-letters/replay', {
        method: 'POST',
        headers: { cookie, origin: 'https://evil.example' },
        body: { ids: ['1'], reason: 'forged' },
      });
      expect(crossSite.status).toBe(403);
      const sameSite = await ops.request('/v1/dead-letters/replay', {
        method: 'POST',
        headers: { cookie, origin: ops.url },
        body: { ids: ['999999999999'], reason: 'from the dashboard' },
      });
      expect(sameSite.status).toBe(404);
    });
  });

  describe('the operator CLI', () => {
    const cli = async (...args: string[]) => {
      const out: string[] = [];
      const err: string[] = [];
      const code = await withEnvironment({}, () =>
        runOperatorCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) }),
      );
      return { code, out, err: err.join('\n') };
    };

    it('creates an operator, prints only the key on stdout, issues, lists and revokes keys', async () => {
      const name = `cli.${randomUUID().slice(0, 6)}`;
      const added = await cli('add', name, '--role', 'admin');
      expect(added.code).toBe(0);
      expect(added.out).toHaveLength(1);
      const [firstKey] = added.out;
      expect((await ops.request('/v1/me', { apiKey: firstKey })).body).toMatchObject({
        name,
        role: 'admin',
      });

      const issued = await cli('key', name, '--label', 'on-call laptop');
      expect(issued.code).toBe(0);
      const keyId = /API key ([0-9a-f-]{36})/.exec(issued.err)![1];

      const listed = await cli('list');
      expect(listed.err).toContain(`${name} (admin), created by cli`);
      expect(listed.err).toContain('on-call laptop');
      expect(listed.err).not.toContain(firstKey);

      expect((await cli('revoke', name, keyId)).code).toBe(0);
      expect((await ops.request('/v1/me', { apiKey: issued.out[0] })).status).toBe(401);
      expect((await ops.request('/v1/me', { apiKey: firstKey })).status).toBe(200);
    });

    it('refuses unknown commands, missing roles and duplicate names', async () => {
      expect((await cli('dance')).code).toBe(2);
      expect((await cli('add', `x.${randomUUID().slice(0, 6)}`)).code).toBe(2);
      const duplicate = await cli('add', operator.name, '--role', 'ops');
      expect(duplicate.code).toBe(1);
      expect(duplicate.out).toEqual([]);
      expect((await cli('key', 'nobody-by-this-name')).code).toBe(1);
    });
  });
});
