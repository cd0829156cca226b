import { createHmac } from 'node:crypto';
import axios, { type AxiosInstance } from 'axios';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { CallbackReceiver, type ReceivedCallback } from './support/legacy-sim-callback-receiver';
import { nikWithSerial } from './support/legacy-sim-nik';
import { waitFor } from './support/wait-for';

process.env.LOG_LEVEL ??= 'warn';

const PROCESSING_MS = 300;
const RETRY_BASE_MS = 50;
const API_KEY = 'sim-land-key';
const SECRET = 'test-callback-secret';
const APPROVED = ['DITERIMA', 'VERIFIKASI', 'DISETUJUI', 'SELESAI'];

function pengajuan(reference: string, overrides: Record<string, unknown> = {}) {
  return {
    referensi: reference,
    layanan: 'ALOKASI_BARU',
    nik: nikWithSerial('0001'),
    nama: 'PT Batam Sejahtera',
    data: { luasM2: 2500, peruntukan: 'industri', lokasi: 'Kabil' },
    ...overrides,
  };
}

/** What an adapter does with a callback: recompute the signature over the raw body. */
function hasValidSignature(callback: ReceivedCallback, secret = SECRET): boolean {
  const timestamp = String(callback.headers['x-bpb-timestamp']);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${callback.rawBody}`);
  return callback.headers['x-bpb-signature'] === `sha256=${expected.digest('hex')}`;
}

function startSim(): Promise<RunningLegacySim> {
  return createLegacySimApp({
    LEGACY_SIM_PORT: 0,
    LEGACY_SIM_HOST: '127.0.0.1',
    SIM_LAND_PROCESSING_MS: PROCESSING_MS,
    SIM_LAND_CALLBACK_RETRY_BASE_MS: RETRY_BASE_MS,
    SIM_LAND_CALLBACK_SECRET: SECRET,
  });
}

function landClient(sim: RunningLegacySim): AxiosInstance {
  return axios.create({
    baseURL: `${sim.baseUrl}/bpbatam/api`,
    headers: { 'X-Api-Key': API_KEY },
    validateStatus: () => true,
  });
}

/** No event can prove that nothing more will come: give retries time to show up if they would. */
function quietPeriod(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

describe('legacy-sim: land (BP Batam style, callbacks)', () => {
  let sim: RunningLegacySim;
  let land: AxiosInstance;
  let http: AxiosInstance;
  let receiver: CallbackReceiver;

  beforeAll(async () => {
    receiver = await CallbackReceiver.start();
    sim = await startSim();
    land = landClient(sim);
    http = axios.create({ baseURL: sim.baseUrl, validateStatus: () => true });
  });

  afterAll(async () => {
    await sim?.close();
    await receiver?.close();
  });

  beforeEach(async () => {
    expect((await http.post('/_sim/reset')).status).toBe(204);
    receiver.clear();
  });

  async function subscribe(): Promise<void> {
    const registered = await land.put('/langganan', { url: receiver.url });
    expect(registered.status).toBe(200);
  }

  async function submit(body: object): Promise<string> {
    const response = await land.post('/pengajuan', body);
    expect(response.status).toBe(202);
    return response.data.nomor_berkas;
  }

  function acknowledged(reference: string, status: string): Promise<ReceivedCallback[]> {
    return waitFor(
      () =>
        receiver.acknowledgedStatuses(reference).includes(status) &&
        receiver.forReference(reference),
      { timeoutMs: 10_000, intervalMs: 10, what: `an acknowledged ${status} callback` },
    );
  }

  async function attemptsOf(reference: string) {
    const answer = await http.get('/_sim/systems/land/callbacks', { params: { reference } });
    return answer.data.attempts as Array<Record<string, any>>;
  }

  it('wants the API key on every call', async () => {
    const withoutKey = await http.get('/bpbatam/api/ping');
    expect(withoutKey.status).toBe(401);
    expect(withoutKey.data).toEqual({ kode: 'API_KEY_TIDAK_VALID', pesan: expect.any(String) });
    const wrongKey = await land.post('/pengajuan', pengajuan('app-key'), {
      headers: { 'X-Api-Key': 'guess' },
    });
    expect(wrongKey.status).toBe(401);
    expect((await http.get('/_sim/systems/land/arrivals')).data.total).toBe(0);
    expect((await land.get('/ping')).status).toBe(200);
  });

  it('files one berkas per referensi: 202, then 200 with the same nomor_berkas', async () => {
    const nomorBerkas = await submit(pengajuan('app-once'));
    expect(nomorBerkas).toMatch(/^BPB-\d+$/);
    const again = await land.post('/pengajuan', pengajuan('app-once', { layanan: 'PERPANJANGAN' }));
    expect(again.status).toBe(200);
    expect(again.data).toEqual({ nomor_berkas: nomorBerkas });

    const found = await land.get('/pengajuan', { params: { referensi: 'app-once' } });
    expect(found.data).toEqual({ nomor_berkas: nomorBerkas, status: 'DITERIMA' });
    const state = await land.get(`/pengajuan/${nomorBerkas}`);
    expect(state.data).toEqual({
      nomor_berkas: nomorBerkas,
      referensi: 'app-once',
      status: 'DITERIMA',
      keterangan: expect.any(String),
    });
    expect((await land.get('/pengajuan', { params: { referensi: 'app-none' } })).status).toBe(404);

    const arrivals = await http.get('/_sim/systems/land/arrivals', {
      params: { reference: 'app-once' },
    });
    expect(arrivals.data).toMatchObject({
      submissions: 1,
      operations: { submit: 2, findByReference: 1, status: 1 },
    });
  });

  it('calls back for every status change, in order, signed over "<timestamp>.<raw body>"', async () => {
    await subscribe();
    const nomorBerkas = await submit(pengajuan('app-callbacks'));
    const callbacks = await acknowledged('app-callbacks', 'SELESAI');
    expect(callbacks.map((callback) => callback.body.status)).toEqual(APPROVED);

    const now = Math.floor(Date.now() / 1000);
    for (const callback of callbacks) {
      expect(callback.headers['content-type']).toMatch(/^application\/json/);
      expect(hasValidSignature(callback)).toBe(true);
      expect(hasValidSignature(callback, 'another-secret')).toBe(false);
      expect(Math.abs(now - Number(callback.headers['x-bpb-timestamp']))).toBeLessThan(60);
      expect(callback.body).toMatchObject({
        id_event: expect.stringMatching(/^[0-9a-f-]{36}$/),
        nomor_berkas: nomorBerkas,
        referensi: 'app-callbacks',
        keterangan: expect.any(String),
      });
    }
    const tampered = {
      ...callbacks[0],
      rawBody: callbacks[0].rawBody.replace('DITERIMA', 'SELESAI'),
    };
    expect(hasValidSignature(tampered)).toBe(false);

    const times = callbacks.map((callback) => Date.parse(callback.body.waktu));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(callbacks.map((callback) => callback.body.id_event)).size).toBe(4);
    const state = await land.get(`/pengajuan/${nomorBerkas}`);
    expect(state.data.nomor_sk).toMatch(/^SKEP-\d{6}\/ALOKASI_BARU\/BPB\/\d{4}$/);
    expect(callbacks[3].body.nomor_sk).toBe(state.data.nomor_sk);
    expect(callbacks.slice(0, 3).every((callback) => callback.body.nomor_sk === undefined)).toBe(
      true,
    );
  });

  it('retries a refused callback with the same id_event, holding later ones until it is acknowledged', async () => {
    await subscribe();
    // Three refusals take 50 + 100 + 200 ms of backoff: every later status falls due meanwhile.
    receiver.answer = () => (receiver.received.length < 3 ? 500 : 200);
    await submit(pengajuan('app-retry'));
    const callbacks = await acknowledged('app-retry', 'SELESAI');

    expect(callbacks.map((callback) => [callback.body.status, callback.answeredWith])).toEqual([
      ['DITERIMA', 500],
      ['DITERIMA', 500],
      ['DITERIMA', 500],
      ['DITERIMA', 200],
      ['VERIFIKASI', 200],
      ['DISETUJUI', 200],
      ['SELESAI', 200],
    ]);
    const retried = callbacks.slice(0, 4);
    expect(new Set(retried.map((callback) => callback.body.id_event)).size).toBe(1);
    expect(new Set(retried.map((callback) => callback.rawBody)).size).toBe(1);
    expect(retried.every((callback) => hasValidSignature(callback))).toBe(true);

    const attempts = await attemptsOf('app-retry');
    expect(
      attempts.map(({ status, attempt, httpStatus }) => [status, attempt, httpStatus]),
    ).toEqual([
      ['DITERIMA', 1, 500],
      ['DITERIMA', 2, 500],
      ['DITERIMA', 3, 500],
      ['DITERIMA', 4, 200],
      ['VERIFIKASI', 1, 200],
      ['DISETUJUI', 1, 200],
      ['SELESAI', 1, 200],
    ]);
    expect(attempts[0].id_event).toBe(retried[0].body.id_event);
  });

  it('keeps callbacks until a URL is registered, then delivers them in order', async () => {
    await http.patch('/_sim/systems/land/faults', { processingMs: 0 });
    await submit(pengajuan('app-later'));
    expect(await attemptsOf('app-later')).toEqual([]);
    await subscribe();
    const callbacks = await acknowledged('app-later', 'SELESAI');
    expect(callbacks.map((callback) => callback.body.status)).toEqual(APPROVED);
  });

  it('records an unreachable receiver as an error and keeps retrying', async () => {
    await land.put('/langganan', { url: 'http://127.0.0.1:9/unreachable' });
    await submit(pengajuan('app-unreachable'));
    const attempts = await waitFor(
      async () => {
        const listed = await attemptsOf('app-unreachable');
        return listed.length >= 2 && listed;
      },
      { timeoutMs: 5000, intervalMs: 20, what: 'two attempts' },
    );
    expect(attempts[0]).toMatchObject({
      status: 'DITERIMA',
      attempt: 1,
      error: expect.any(String),
    });
    expect(attempts[1]).toMatchObject({ status: 'DITERIMA', attempt: 2 });
    expect(attempts[0].httpStatus).toBeUndefined();
  });

  it('asks once for a revision (serial 9998), then verifies again and finishes', async () => {
    await subscribe();
    const nomorBerkas = await submit(pengajuan('app-revise', { nik: nikWithSerial('9998') }));
    const early = await land.post(`/pengajuan/${nomorBerkas}/perbaikan`, {
      data: { luasM2: 2000 },
    });
    expect(early.status).toBe(409);
    expect(early.data).toEqual({ kode: 'STATUS_TIDAK_SESUAI', pesan: expect.any(String) });

    await acknowledged('app-revise', 'PERLU_PERBAIKAN');
    const notAnObject = await land.post(`/pengajuan/${nomorBerkas}/perbaikan`, { data: 2000 });
    expect(notAnObject.status).toBe(422);
    const revised = await land.post(`/pengajuan/${nomorBerkas}/perbaikan`, {
      data: { luasM2: 2000 },
    });
    expect(revised.status).toBe(200);
    expect(revised.data).toEqual({ nomor_berkas: nomorBerkas, status: 'VERIFIKASI' });

    await acknowledged('app-revise', 'SELESAI');
    expect(receiver.acknowledgedStatuses('app-revise')).toEqual([
      'DITERIMA',
      'PERLU_PERBAIKAN',
      'VERIFIKASI',
      'DISETUJUI',
      'SELESAI',
    ]);
    const again = await land.post(`/pengajuan/${nomorBerkas}/perbaikan`, { data: {} });
    expect(again.status).toBe(409);
  });

  it('rejects serial 9997 after verification, without a decree number', async () => {
    await subscribe();
    const nomorBerkas = await submit(pengajuan('app-reject', { nik: nikWithSerial('9997') }));
    const callbacks = await acknowledged('app-reject', 'DITOLAK');
    expect(callbacks.map((callback) => callback.body.status)).toEqual([
      'DITERIMA',
      'VERIFIKASI',
      'DITOLAK',
    ]);
    const state = await land.get(`/pengajuan/${nomorBerkas}`);
    expect(state.data.status).toBe('DITOLAK');
    expect(state.data.nomor_sk).toBeUndefined();
  });

  it('cancels an undecided berkas with a callback, and again without error', async () => {
    await subscribe();
    await http.patch('/_sim/systems/land/faults', { processingMs: 60_000 });
    const nomorBerkas = await submit(pengajuan('app-cancel'));
    const noReason = await land.post(`/pengajuan/${nomorBerkas}/batal`, {});
    expect(noReason.status).toBe(422);
    for (let attempt = 0; attempt < 2; attempt++) {
      const cancelled = await land.post(`/pengajuan/${nomorBerkas}/batal`, { alasan: 'Batal' });
      expect(cancelled.status).toBe(200);
      expect(cancelled.data).toEqual({ nomor_berkas: nomorBerkas, status: 'DIBATALKAN' });
    }
    await acknowledged('app-cancel', 'DIBATALKAN');
    expect(receiver.acknowledgedStatuses('app-cancel')).toEqual(['DITERIMA', 'DIBATALKAN']);
  });

  it('refuses to cancel a berkas that is already decided', async () => {
    await http.patch('/_sim/systems/land/faults', { processingMs: 0 });
    const nomorBerkas = await submit(pengajuan('app-decided'));
    const refused = await land.post(`/pengajuan/${nomorBerkas}/batal`, { alasan: 'Terlambat' });
    expect(refused.status).toBe(409);
    expect(refused.data.kode).toBe('STATUS_TIDAK_SESUAI');
  });

  it.each([
    ['a NIK with serial 9999', { nik: nikWithSerial('9999') }, 'NIK_TIDAK_TERDAFTAR'],
    ['an unknown layanan', { layanan: 'HGB' }, 'LAYANAN_TIDAK_DIKENAL'],
    ['a missing referensi', { referensi: undefined }, 'DATA_TIDAK_LENGKAP'],
    ['data that is not an object', { data: 'luas 2500' }, 'DATA_TIDAK_LENGKAP'],
  ])('refuses %s with 422 and files nothing', async (_what, change, kode) => {
    const refused = await land.post('/pengajuan', pengajuan('app-refused', change));
    expect(refused.status).toBe(422);
    expect(refused.data).toEqual({ kode, pesan: expect.any(String) });
    expect((await http.get('/_sim/systems/land/arrivals')).data.total).toBe(0);
  });

  it('refuses a callback URL that is not http(s), and unknown berkas numbers', async () => {
    const badUrl = await land.put('/langganan', { url: 'ftp://example.test/callback' });
    expect(badUrl.status).toBe(422);
    expect(badUrl.data.kode).toBe('URL_TIDAK_VALID');
    expect((await land.get('/pengajuan/BPB-0')).status).toBe(404);
    expect((await land.post('/pengajuan/BPB-0/batal', { alasan: 'x' })).status).toBe(404);
  });

  it('honours the fault knobs: maintenance and errors refuse before anything is filed', async () => {
    await http.put('/_sim/systems/land/faults', { maintenance: true });
    const down = await land.post('/pengajuan', pengajuan('app-down'));
    expect(down.status).toBe(503);
    expect(down.data).toEqual({ kode: 'PEMELIHARAAN', pesan: expect.any(String) });
    await http.put('/_sim/systems/land/faults', { errorRate: 1 });
    const busy = await land.post('/pengajuan', pengajuan('app-down'));
    expect(busy.status).toBe(500);
    expect(busy.data.kode).toBe('SIBUK');
    expect((await http.get('/_sim/systems/land/arrivals')).data.total).toBe(0);
    expect((await http.get('/_sim/systems/land/faults')).data).not.toHaveProperty(
      'rateLimitPerSecond',
    );
  });

  it('stops retrying and forgets pending callbacks on reset', async () => {
    await subscribe();
    receiver.answer = () => 500;
    await submit(pengajuan('app-reset'));
    await waitFor(() => receiver.received.length >= 2, { timeoutMs: 5000, intervalMs: 10 });
    await http.post('/_sim/reset');
    const seen = receiver.received.length;
    await quietPeriod(8 * RETRY_BASE_MS);
    expect(receiver.received.length).toBe(seen);
    expect(await attemptsOf('app-reset')).toEqual([]);
  });

  it('stops retrying when the simulator shuts down', async () => {
    const other = await startSim();
    const otherLand = landClient(other);
    await otherLand.put('/langganan', { url: receiver.url });
    receiver.answer = () => 500;
    expect((await otherLand.post('/pengajuan', pengajuan('app-shutdown'))).status).toBe(202);
    await waitFor(() => receiver.received.length >= 2, { timeoutMs: 5000, intervalMs: 10 });
    await other.close();
    const seen = receiver.received.length;
    await quietPeriod(8 * RETRY_BASE_MS);
    expect(receiver.received.length).toBe(seen);
  });
});
