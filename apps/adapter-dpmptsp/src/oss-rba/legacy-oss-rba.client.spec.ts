import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LegacyThrottled, LegacyUnavailable } from '@mpp/adapter-sdk';
import { LegacyOssRbaClient, OssConflict, OssRefusal } from './legacy-oss-rba.client';
import { OssRbaConfig } from './oss-rba.config';
import { retryAfterMsOf } from './oss-rba.transport';

interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Never answer: the client must time out. */
  hang?: boolean;
}

const BASIC = `Basic ${Buffer.from('mpp:mpp-secret').toString('base64')}`;
const CLIENT = `Basic ${Buffer.from('mpp-gateway:mpp-oauth-secret').toString('base64')}`;
const INVALID_TOKEN = { 'WWW-Authenticate': 'Bearer error="invalid_token"' };

/** A stand-in for OSS-RBA on a free local port, answering as each test tells it. */
class FakeOss {
  readonly received: ReceivedRequest[] = [];
  answer: (request: ReceivedRequest) => Answer = () => ({ status: 200, body: { status: 200 } });
  private server!: Server;
  private tokensIssued = 0;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const request = { method: req.method!, path: req.url!, headers: req.headers, body };
        this.received.push(request);
        const answer = this.answer(request);
        if (answer.hang) return;
        res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
        res.end(answer.body === undefined ? undefined : JSON.stringify(answer.body));
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/oss/v1`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  /** A token endpoint that issues `token-1`, `token-2`, ... */
  issueToken(): Answer {
    this.tokensIssued += 1;
    return {
      status: 200,
      body: { access_token: `token-${this.tokensIssued}`, token_type: 'Bearer', expires_in: 300 },
    };
  }

  requestsTo(path: string): ReceivedRequest[] {
    return this.received.filter((request) => request.path.startsWith(path));
  }
}

describe('LegacyOssRbaClient', () => {
  const oss = new FakeOss();
  let baseUrl: string;

  beforeAll(async () => {
    baseUrl = await oss.start();
  });
  afterAll(() => oss.stop());
  beforeEach(() => oss.received.splice(0));

  const client = (settings: Partial<OssRbaConfig> = {}) =>
    new LegacyOssRbaClient(
      Object.assign(new OssRbaConfig(), { OSS_BASE_URL: baseUrl, ...settings }),
    );

  const submission = {
    nomorReferensi: '0b9c2f5e-58a4-4d7e-9a57-1f0f1c8f3b21',
    kodeIzin: 'NIB' as const,
    nik: '2171011508900003',
    nama: 'Budi Santoso',
    data: { namaUsaha: 'Kedai Kopi' },
  };

  describe('with Basic authentication', () => {
    it('sends the user_key, the credentials and the trace context on every call', async () => {
      oss.answer = () => ({
        status: 201,
        body: { status: 201, data: { id_permohonan: 'OSS-1', kd_status: 10 } },
      });
      const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
      expect(await client().submit(submission, { traceparent })).toBe('OSS-1');
      const [request] = oss.received;
      expect(request).toMatchObject({ method: 'POST', path: '/oss/v1/permohonan' });
      expect(request.headers).toMatchObject({
        user_key: 'sim-user-key',
        authorization: BASIC,
        traceparent,
      });
      expect(JSON.parse(request.body)).toEqual({
        nomor_referensi: submission.nomorReferensi,
        kode_izin: 'NIB',
        nik: submission.nik,
        nama: submission.nama,
        data: submission.data,
      });
    });

    it('adopts the application already filed for the reference on 409', async () => {
      oss.answer = () => ({
        status: 409,
        body: { status: 409, message: 'sudah diajukan', data: { id_permohonan: 'OSS-7' } },
      });
      expect(await client().submit(submission)).toBe('OSS-7');
      expect(oss.received).toHaveLength(1);
    });

    it('turns 422 into a refusal with OSS-RBA’s code, and 409 elsewhere into a conflict', async () => {
      oss.answer = () => ({
        status: 422,
        body: { status: 422, kode: 'NIK_TIDAK_TERDAFTAR', message: 'NIK tidak terdaftar' },
      });
      await expect(client().submit(submission)).rejects.toEqual(
        new OssRefusal('NIK_TIDAK_TERDAFTAR', 'NIK tidak terdaftar'),
      );
      oss.answer = () => ({ status: 409, body: { status: 409, message: 'status tidak sesuai' } });
      await expect(client().revise('OSS-1', {})).rejects.toBeInstanceOf(OssConflict);
      await expect(client().cancel('OSS-1', 'tidak jadi')).rejects.toBeInstanceOf(OssConflict);
    });

    it('reads the status and looks applications up by reference', async () => {
      oss.answer = ({ path }) =>
        path.endsWith('/status')
          ? {
              status: 200,
              body: {
                status: 200,
                data: {
                  id_permohonan: 'OSS-1',
                  kd_status: 57,
                  keterangan: 'terbit',
                  nomor_izin: '2603020000001',
                },
              },
            }
          : {
              status: 200,
              body: {
                status: 200,
                data: path.includes('nomor_referensi=known')
                  ? [{ id_permohonan: 'OSS-1', kd_status: 10 }]
                  : [],
              },
            };
      expect(await client().status('OSS-1')).toEqual({
        idPermohonan: 'OSS-1',
        kdStatus: 57,
        keterangan: 'terbit',
        nomorIzin: '2603020000001',
      });
      expect(await client().findByReference('known')).toBe('OSS-1');
      expect(await client().findByReference('unknown')).toBeUndefined();
      expect(oss.requestsTo('/oss/v1/permohonan?nomor_referensi=')).toHaveLength(2);
    });

    it('holds the messages when OSS-RBA refuses the credentials', async () => {
      oss.answer = () => ({
        status: 401,
        body: { status: 401, message: 'Kredensial tidak valid' },
      });
      await expect(client().ping()).rejects.toBeInstanceOf(LegacyUnavailable);
      expect(oss.received).toHaveLength(1);
    });
  });

  describe('with an OAuth2 client-credentials token', () => {
    const oauth2 = () => client({ OSS_AUTH_MODE: 'oauth2' });

    it('fetches one token for concurrent callers and sends it as a bearer token', async () => {
      oss.answer = ({ path }) =>
        path === '/oss/v1/oauth/token' ? oss.issueToken() : { status: 200, body: { status: 200 } };
      const shared = oauth2();
      await Promise.all([shared.ping(), shared.ping(), shared.ping()]);
      const [grant, ...calls] = oss.received;
      expect(grant).toMatchObject({ method: 'POST', body: 'grant_type=client_credentials' });
      expect(grant.headers).toMatchObject({
        authorization: CLIENT,
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(calls).toHaveLength(3);
      const bearer = calls[0].headers.authorization;
      expect(bearer).toMatch(/^Bearer token-\d+$/);
      expect(calls.every((call) => call.headers.authorization === bearer)).toBe(true);
      expect(calls.every((call) => call.headers.user_key === 'sim-user-key')).toBe(true);
    });

    it('fetches a new token once when a call answers 401 invalid_token, and repeats the call', async () => {
      let valid = '';
      oss.answer = (request) => {
        if (request.path === '/oss/v1/oauth/token') {
          const issued = oss.issueToken();
          valid = `Bearer ${(issued.body as { access_token: string }).access_token}`;
          return issued;
        }
        return request.headers.authorization === valid
          ? { status: 200, body: { status: 200 } }
          : { status: 401, headers: INVALID_TOKEN, body: { status: 401, message: 'kedaluwarsa' } };
      };
      const renewing = oauth2();
      await renewing.ping();
      valid = 'revoked';
      oss.received.splice(0);
      await renewing.ping();
      expect(oss.received.map((request) => request.path)).toEqual([
        '/oss/v1/ping',
        '/oss/v1/oauth/token',
        '/oss/v1/ping',
      ]);
    });

    it('gives up after one fresh token is refused too', async () => {
      oss.answer = ({ path }) =>
        path === '/oss/v1/oauth/token'
          ? oss.issueToken()
          : { status: 401, headers: INVALID_TOKEN, body: { status: 401, message: 'kedaluwarsa' } };
      await expect(oauth2().ping()).rejects.toBeInstanceOf(LegacyUnavailable);
      expect(oss.requestsTo('/oss/v1/oauth/token')).toHaveLength(2);
      expect(oss.requestsTo('/oss/v1/ping')).toHaveLength(2);
    });

    it('holds the messages when the token endpoint refuses the client', async () => {
      oss.answer = () => ({ status: 401, body: { error: 'invalid_client' } });
      await expect(oauth2().ping()).rejects.toThrow(/client credentials.*invalid_client/);
      expect(oss.requestsTo('/oss/v1/ping')).toHaveLength(0);
    });
  });

  describe('when OSS-RBA cannot answer now', () => {
    it('throws LegacyThrottled with the wait Retry-After asked for on 429', async () => {
      oss.answer = () => ({
        status: 429,
        headers: { 'Retry-After': '2' },
        body: { status: 429, message: 'terlalu banyak' },
      });
      const error = await client()
        .ping()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LegacyThrottled);
      expect((error as LegacyThrottled).retryAfterMs).toBe(2000);
    });

    it('throws LegacyUnavailable on 5xx, on no answer in time and on no connection', async () => {
      oss.answer = () => ({ status: 503, body: { status: 503, message: 'pemeliharaan' } });
      const down = await client()
        .ping()
        .catch((caught: unknown) => caught);
      expect(down).toBeInstanceOf(LegacyUnavailable);
      expect(down).not.toBeInstanceOf(LegacyThrottled);

      oss.answer = () => ({ status: 200, hang: true });
      const late = await client({ OSS_TIMEOUT_MS: 100 })
        .ping()
        .catch((caught: unknown) => caught);
      expect(late).toBeInstanceOf(LegacyUnavailable);
      expect(String(late)).toContain('ETIMEDOUT');

      const nowhere = client({ OSS_BASE_URL: 'http://127.0.0.1:1/oss/v1' });
      await expect(nowhere.ping()).rejects.toBeInstanceOf(LegacyUnavailable);
    });
  });
});

describe('retryAfterMsOf', () => {
  it('reads delay-seconds and HTTP dates', () => {
    const now = Date.parse('2026-03-02T08:00:00Z');
    expect(retryAfterMsOf('3', now)).toBe(3000);
    expect(retryAfterMsOf('Mon, 02 Mar 2026 08:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMsOf('Mon, 02 Mar 2026 07:00:00 GMT', now)).toBe(0);
    expect(retryAfterMsOf('soon', now)).toBeUndefined();
    expect(retryAfterMsOf(undefined, now)).toBeUndefined();
  });
});
