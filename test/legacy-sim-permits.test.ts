import axios, { type AxiosInstance } from 'axios';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { nikWithSerial } from './support/legacy-sim-nik';
import { waitFor } from './support/wait-for';

process.env.LOG_LEVEL ??= 'warn';

const PROCESSING_MS = 400;
const USER_KEY = 'sim-user-key';
const BASIC = { username: 'mpp', password: 'mpp-secret' };
const CLIENT = { username: 'mpp-gateway', password: 'mpp-oauth-secret' };
const PBG_CODES = [10, 20, 45, 52, 50];

function application(reference: string, overrides: Record<string, unknown> = {}) {
  return {
    nomor_referensi: reference,
    kode_izin: 'NIB',
    nik: nikWithSerial('0001'),
    nama: 'CV Maju Bersama',
    data: { kbli: '47111', alamat: 'Batam Center' },
    ...overrides,
  };
}

describe('legacy-sim: permits (OSS-RBA style REST)', () => {
  let sim: RunningLegacySim;
  let oss: AxiosInstance;
  let http: AxiosInstance;

  beforeAll(async () => {
    sim = await createLegacySimApp({
      LEGACY_SIM_PORT: 0,
      LEGACY_SIM_HOST: '127.0.0.1',
      SIM_PERMITS_PROCESSING_MS: PROCESSING_MS,
      SIM_PERMITS_TOKEN_TTL_S: 1,
    });
    http = axios.create({ baseURL: sim.baseUrl, validateStatus: () => true });
    oss = axios.create({
      baseURL: `${sim.baseUrl}/oss/v1`,
      headers: { user_key: USER_KEY },
      auth: BASIC,
      validateStatus: () => true,
    });
  });

  afterAll(async () => {
    await sim?.close();
  });

  beforeEach(async () => {
    expect((await http.post('/_sim/reset')).status).toBe(204);
  });

  async function submit(body: object): Promise<string> {
    const response = await oss.post('/permohonan', body);
    expect(response.status).toBe(201);
    return response.data.data.id_permohonan;
  }

  /** Polls checkLicenseStatus until `kd_status` is `code`; returns the report and every code seen. */
  async function pollUntil(id: string, code: number) {
    const seen: number[] = [];
    const report = await waitFor(
      async () => {
        const { data } = await oss.get(`/permohonan/${id}/status`);
        if (seen.at(-1) !== data.data.kd_status) seen.push(data.data.kd_status);
        return data.data.kd_status === code ? data.data : undefined;
      },
      { timeoutMs: 10_000, intervalMs: 15, what: `kd_status ${code}` },
    );
    return { report, seen };
  }

  async function arrivalsOf(reference: string) {
    return (await http.get('/_sim/systems/permits/arrivals', { params: { reference } })).data;
  }

  it('wants the user_key and Basic credentials on every call', async () => {
    const withoutKey = await http.get('/oss/v1/ping', { auth: BASIC });
    expect(withoutKey.status).toBe(401);
    expect(withoutKey.data).toEqual({ status: 401, message: expect.any(String) });
    const wrongKey = await oss.get('/ping', { headers: { user_key: 'guess' } });
    expect(wrongKey.status).toBe(401);
    const keyOnly = await http.get('/oss/v1/ping', { headers: { user_key: USER_KEY } });
    expect(keyOnly.status).toBe(401);
    const wrongPassword = await oss.get('/ping', { auth: { ...BASIC, password: 'guess' } });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.data.status).toBe(401);

    const ping = await oss.get('/ping');
    expect(ping.status).toBe(200);
    expect(ping.data).toEqual({ status: 200 });
  });

  it('issues client-credentials bearer tokens that stop working when they expire', async () => {
    const token = (client: { username: string; password: string }) =>
      http.post('/oss/v1/oauth/token', 'grant_type=client_credentials', {
        auth: client,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
    const wrongClient = await token({ ...CLIENT, password: 'guess' });
    expect(wrongClient.status).toBe(401);
    expect(wrongClient.data).toMatchObject({ error: 'invalid_client' });

    const issued = await token(CLIENT);
    expect(issued.status).toBe(200);
    expect(issued.headers['cache-control']).toBe('no-store');
    expect(issued.data).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 1,
    });
    const bearer = (
      accessToken: string,
      headers: Record<string, string> = { user_key: USER_KEY },
    ) =>
      http.get('/oss/v1/ping', {
        headers: { ...headers, Authorization: `Bearer ${accessToken}` },
      });
    expect((await bearer(issued.data.access_token)).status).toBe(200);
    expect((await bearer(issued.data.access_token, {})).status).toBe(401);

    const unknown = await bearer('not-a-token');
    expect(unknown.status).toBe(401);
    expect(unknown.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect(unknown.data).toEqual({ status: 401, message: expect.any(String) });

    const expired = await waitFor(
      async () => {
        const answer = await bearer(issued.data.access_token);
        return answer.status === 401 ? answer : undefined;
      },
      { timeoutMs: 5000, intervalMs: 100, what: 'the token to expire' },
    );
    expect(expired.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
  });

  it('issues a NIB automatically: 10, then 57 with a permit number', async () => {
    const created = await oss.post('/permohonan', application('app-nib'));
    expect(created.status).toBe(201);
    expect(created.data).toEqual({
      status: 201,
      data: { id_permohonan: expect.stringMatching(/^OSS-\d+$/), kd_status: 10 },
    });
    const id = created.data.data.id_permohonan;
    const first = await oss.get(`/permohonan/${id}/status`);
    expect(first.data).toEqual({
      status: 200,
      data: { id_permohonan: id, kd_status: 10, keterangan: expect.any(String) },
    });

    const { report } = await pollUntil(id, 57);
    expect(report.nomor_izin).toMatch(/^\d{13}$/);
    expect(report.keterangan).toBeTruthy();
  });

  it('takes a PBG through validation, payment and approval to an issued permit', async () => {
    const id = await submit(application('app-pbg', { kode_izin: 'PBG' }));
    const { report, seen } = await pollUntil(id, 50);
    expect(report.nomor_izin).toMatch(/^SK-PBG-217101-\d{8}-\d{6}$/);
    // Polling may miss a short stage, never reorder them.
    expect(seen).toEqual(PBG_CODES.filter((code) => seen.includes(code)));
    expect(seen[0]).toBe(10);
  });

  it('keeps one application per nomor_referensi: a second is a 409 naming the first', async () => {
    const id = await submit(application('app-once'));
    const again = await oss.post('/permohonan', application('app-once', { kode_izin: 'PBG' }));
    expect(again.status).toBe(409);
    expect(again.data).toEqual({
      status: 409,
      message: expect.any(String),
      data: { id_permohonan: id },
    });

    const found = await oss.get('/permohonan', { params: { nomor_referensi: 'app-once' } });
    expect(found.data).toEqual({ status: 200, data: [{ id_permohonan: id, kd_status: 10 }] });
    const none = await oss.get('/permohonan', { params: { nomor_referensi: 'app-never' } });
    expect(none.data).toEqual({ status: 200, data: [] });

    expect(await arrivalsOf('app-once')).toMatchObject({
      submissions: 1,
      registrations: [{ nomorRegistrasi: id }],
      operations: { submit: 2, findByReference: 1 },
    });
  });

  it('asks once for a revision (serial 9998): 11, back to 20 when revised, on to issue', async () => {
    const id = await submit(
      application('app-revise', { kode_izin: 'PBG', nik: nikWithSerial('9998') }),
    );
    const early = await oss.put(`/permohonan/${id}`, { data: { luas: 120 } });
    expect(early.status).toBe(409);

    const { report: waiting } = await pollUntil(id, 11);
    expect(waiting.nomor_izin).toBeUndefined();
    const notAnObject = await oss.put(`/permohonan/${id}`, { data: 'luas=120' });
    expect(notAnObject.status).toBe(422);
    const revised = await oss.put(`/permohonan/${id}`, { data: { luas: 120 } });
    expect(revised.status).toBe(200);
    expect(revised.data).toEqual({ status: 200, data: { id_permohonan: id, kd_status: 20 } });

    const { report, seen } = await pollUntil(id, 50);
    expect(report.nomor_izin).toBeTruthy();
    expect(seen[0]).toBe(20);
    const again = await oss.put(`/permohonan/${id}`, { data: { luas: 130 } });
    expect(again.status).toBe(409);
    expect(again.data.status).toBe(409);
  });

  it('rejects serial 9997 after validation, with no permit number', async () => {
    const id = await submit(application('app-reject', { nik: nikWithSerial('9997') }));
    const { report, seen } = await pollUntil(id, 90);
    expect(seen).toEqual([10, 20, 90].filter((code) => seen.includes(code)));
    expect(report.nomor_izin).toBeUndefined();
  });

  it('cancels an application up to payment, and again without error', async () => {
    const id = await submit(application('app-cancel', { kode_izin: 'PBG' }));
    const noReason = await oss.post(`/permohonan/${id}/batal`, {});
    expect(noReason.status).toBe(422);
    for (let attempt = 0; attempt < 2; attempt++) {
      const cancelled = await oss.post(`/permohonan/${id}/batal`, { alasan: 'Salah kode izin' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.data).toEqual({ status: 200, data: { id_permohonan: id, kd_status: 95 } });
    }
    expect((await oss.get(`/permohonan/${id}/status`)).data.data.kd_status).toBe(95);
    expect((await arrivalsOf('app-cancel')).operations).toMatchObject({ submit: 1, cancel: 3 });
  });

  it('refuses to cancel an issued permit', async () => {
    await http.patch('/_sim/systems/permits/faults', { processingMs: 0 });
    const id = await submit(application('app-issued'));
    const refused = await oss.post(`/permohonan/${id}/batal`, { alasan: 'Terlambat' });
    expect(refused.status).toBe(409);
    expect((await oss.get(`/permohonan/${id}/status`)).data.data.kd_status).toBe(57);
  });

  it.each([
    ['a NIK with serial 9999', { nik: nikWithSerial('9999') }, 'NIK_TIDAK_TERDAFTAR'],
    ['an unknown kode_izin', { kode_izin: 'SIUP' }, 'IZIN_TIDAK_DIKENAL'],
    ['a missing nama', { nama: undefined }, 'DATA_TIDAK_LENGKAP'],
    ['data that is not an object', { data: ['kbli'] }, 'DATA_TIDAK_LENGKAP'],
    ['a short NIK', { nik: '2171' }, 'DATA_TIDAK_LENGKAP'],
  ])('refuses %s with 422 and creates nothing', async (_what, change, kode) => {
    const refused = await oss.post('/permohonan', application('app-refused', change));
    expect(refused.status).toBe(422);
    expect(refused.data).toEqual({ status: 422, kode, message: expect.any(String) });
    expect(await arrivalsOf('app-refused')).toEqual({
      reference: 'app-refused',
      submissions: 0,
      registrations: [],
      operations: { submit: 1 },
    });
  });

  it('answers 404 for an unknown id_permohonan', async () => {
    expect((await oss.get('/permohonan/OSS-0/status')).status).toBe(404);
    expect((await oss.put('/permohonan/OSS-0', { data: {} })).status).toBe(404);
    const cancel = await oss.post('/permohonan/OSS-0/batal', { alasan: 'x' });
    expect(cancel.status).toBe(404);
    expect(cancel.data).toMatchObject({ status: 404, message: expect.any(String) });
  });

  it('limits the rate over all callers with 429 and Retry-After, recording nothing refused', async () => {
    expect((await http.get('/_sim/systems/permits/faults')).data.rateLimitPerSecond).toBe(50);
    const knobs = await http.patch('/_sim/systems/permits/faults', { rateLimitPerSecond: 3 });
    expect(knobs.data.rateLimitPerSecond).toBe(3);

    const references = ['a', 'b', 'c', 'd', 'e', 'f'].map((letter) => `app-rate-${letter}`);
    const answers = await Promise.all(
      references.map((reference) => oss.post('/permohonan', application(reference))),
    );
    const limited = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(limited).toHaveLength(3);
    for (const answer of limited) {
      expect(answer.data).toMatchObject({ status: 429, message: expect.any(String) });
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(Number(answer.headers['retry-after']))).toBe(true);
    }
    const summary = (await http.get('/_sim/systems/permits/arrivals')).data;
    expect(summary.total).toBe(3);
    const refusedReference = references[answers.findIndex((answer) => answer.status === 429)];
    expect((await arrivalsOf(refusedReference)).operations).toEqual({});
  });

  it('honours the fault knobs: maintenance, errors and held-back answers', async () => {
    await http.put('/_sim/systems/permits/faults', { maintenance: true });
    const down = await oss.get('/ping');
    expect(down.status).toBe(503);
    expect(down.data).toMatchObject({ status: 503 });

    await http.put('/_sim/systems/permits/faults', { errorRate: 1 });
    const busy = await oss.post('/permohonan', application('app-busy'));
    expect(busy.status).toBe(500);
    expect((await arrivalsOf('app-busy')).operations).toEqual({});

    await http.put('/_sim/systems/permits/faults', { timeoutRate: 1, timeoutHoldMs: 300 });
    const started = Date.now();
    const held = await oss.post('/permohonan', application('app-held'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(held.status).toBe(201);
    expect((await arrivalsOf('app-held')).submissions).toBe(1);
  });
});
