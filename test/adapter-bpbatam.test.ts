import { randomUUID } from 'node:crypto';
import { LegacyRefusal, LegacyUnavailable } from '@mpp/adapter-sdk';
import { ApplicationStatus } from '@mpp/contracts';
import { BPBATAM_ADAPTER } from '../apps/adapter-bpbatam/src/bpbatam.adapter';
import { callbackSignature } from '../apps/adapter-bpbatam/src/callbacks/callback-signature';
import { LandConnector } from '../apps/adapter-bpbatam/src/land/land.connector';
import { LandSystemConfig } from '../apps/adapter-bpbatam/src/land/land-system.config';
import {
  LandRefusal,
  LegacyLandClient,
  type LandSubmission,
} from '../apps/adapter-bpbatam/src/land/legacy-land.client';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { freePort } from '@mpp/adapter-sdk/testing';
import { startAdapter, type RunningAdapter } from './support/adapter-harness';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { waitFor } from './support/wait-for';

const NEW_ALLOCATION = 'bpbatam.alokasi-lahan-baru';
const EXTENSION = 'bpbatam.perpanjangan-alokasi-lahan';
const API_KEY = 'test-land-key';
const CALLBACK_SECRET = 'test-land-callback-secret';
const PROCESSING_MS = 1500;

const PARCEL = {
  kecamatan: 'Batu Ampar',
  lokasiKavling: 'Kawasan Industri Batu Ampar, Kav. 7 Blok C',
  luasM2: 8200,
  peruntukan: 'industri',
};
const DATA = {
  [NEW_ALLOCATION]: {
    ...PARCEL,
    namaPelakuUsaha: 'PT Galangan Kapal Batam',
    nib: '9120001234567',
    npwp: '0012345678901000',
    rencanaPemanfaatan: 'Bengkel perbaikan kapal dan gudang suku cadang',
    panjangGarisPantaiM: 120,
  },
  [EXTENSION]: {
    ...PARCEL,
    nomorAlokasiLahan: 'PL/0815/BPB/2006',
    tanggalBerakhirAlokasi: '2027-03-31',
    nopPbb: '217101000100200300',
  },
};

const COMPLETED_TIMELINE = ['SUBMITTED', 'DELIVERED', 'IN_PROCESS', 'APPROVED', 'COMPLETED'];

const statusesOf = (state: any): string[] =>
  state.timeline.filter((step: any) => step.status).map((step: any) => step.status);

describe('BP Batam adapter: land allocations through the callback-style land system', () => {
  let legacy: RunningLegacySim;
  let adapter: RunningAdapter;
  let gateway: RunningGateway;
  let adapterEnv: Record<string, string>;

  beforeAll(async () => {
    legacy = await createLegacySimApp({
      LEGACY_SIM_PORT: 0,
      SIM_LAND_PROCESSING_MS: PROCESSING_MS,
      SIM_LAND_CALLBACK_RETRY_BASE_MS: 100,
      SIM_LAND_API_KEY: API_KEY,
      SIM_LAND_CALLBACK_SECRET: CALLBACK_SECRET,
    });
    const port = await freePort();
    adapterEnv = {
      ADAPTER_PORT: String(port),
      ADAPTER_INSTANCE_ID: 'test-adapter-bpbatam-1',
      LAND_BASE_URL: `${legacy.baseUrl}/bpbatam/api`,
      LAND_API_KEY: API_KEY,
      LAND_CALLBACK_SECRET: CALLBACK_SECRET,
      LAND_CALLBACK_URL: `http://127.0.0.1:${port}/callbacks/land`,
    };
    adapter = await startAdapter(BPBATAM_ADAPTER, adapterEnv);
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: 'test-gateway-status-bpbatam' });
    for (const service of [NEW_ALLOCATION, EXTENSION]) {
      await waitFor(
        async () => {
          const response = await gateway.fetch(`/v1/services/${service}`);
          return response.ok && ((await response.json()) as any).available === true;
        },
        { what: `${service} to be available` },
      );
    }
  }, 90000);

  afterAll(async () => {
    await gateway?.close();
    await adapter?.close();
    await legacy?.close();
  }, 30000);

  /** POSTs to a gateway path (as the test client) or to a full URL (the adapter's callbacks). */
  async function post(target: string, body: unknown, headers: Record<string, string> = {}) {
    const init = {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    };
    const response = target.startsWith('/')
      ? await gateway.fetch(target, init)
      : await fetch(target, init);
    const text = await response.text();
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      body: text ? JSON.parse(text) : undefined,
    };
  }

  async function submit(service: keyof typeof DATA, serial: string): Promise<string> {
    const answer = await post(`/v1/applications`, {
      serviceCode: service,
      applicant: { nik: `217101150890${serial}`, name: 'Rahmat Hidayat', contact: {} },
      data: DATA[service],
    });
    expect(answer.status).toBe(202);
    return answer.body.id;
  }

  const applicationState = async (id: string) =>
    (await (await gateway.fetch(`/v1/applications/${id}`)).json()) as any;

  const reaches = (id: string, status: string, timeoutMs = 30000) =>
    waitFor(
      async () => {
        const state = await applicationState(id);
        return state.status === status && state;
      },
      { what: `${id} to be ${status}`, timeoutMs },
    );

  const simulator = async (path: string) =>
    (await (
      await fetch(`${legacy.baseUrl}${path}`, { headers: { 'X-Api-Key': API_KEY } })
    ).json()) as any;
  const arrivals = (id: string) => simulator(`/_sim/systems/land/arrivals?reference=${id}`);
  const callbackAttempts = async (id: string): Promise<any[]> =>
    (await simulator(`/_sim/systems/land/callbacks?reference=${id}`)).attempts;
  const berkas = (nomorBerkas: string) => simulator(`/bpbatam/api/pengajuan/${nomorBerkas}`);
  const setFaults = async (knobs: Record<string, number | boolean>) => {
    const response = await fetch(`${legacy.baseUrl}/_sim/systems/land/faults`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(knobs),
    });
    expect(response.status).toBe(200);
  };

  /** Posts a callback to the adapter as the land system would, or as someone pretending to. */
  function sendCallback(
    event: Record<string, unknown>,
    { secret = CALLBACK_SECRET, ageSeconds = 0 } = {},
  ) {
    const rawBody = JSON.stringify(event);
    const timestamp = String(Math.floor(Date.now() / 1000) - ageSeconds);
    return post(`${adapter.url}/callbacks/land`, rawBody, {
      'X-BPB-Timestamp': timestamp,
      'X-BPB-Signature': callbackSignature(secret, timestamp, Buffer.from(rawBody)),
    });
  }

  const landEvent = (id: string, nomorBerkas: string, status: string) => ({
    id_event: randomUUID(),
    nomor_berkas: nomorBerkas,
    referensi: id,
    status,
    keterangan: 'Pengajuan ditolak',
    waktu: new Date().toISOString(),
  });

  it('completes a new allocation and an extension with the decree number, the whole timeline and one arrival each', async () => {
    const ids = await Promise.all([submit(NEW_ALLOCATION, '0101'), submit(EXTENSION, '0102')]);

    for (const id of ids) {
      const completed = await reaches(id, 'COMPLETED');
      expect(completed.agencyReference).toMatch(/^BPB-/);
      const issued = await berkas(completed.agencyReference);
      expect(issued.status).toBe('SELESAI');
      expect(completed.result).toEqual({ decreeNumber: issued.nomor_sk });
      expect(statusesOf(completed)).toEqual(COMPLETED_TIMELINE);
      expect((await arrivals(id)).submissions).toBe(1);
      const answered = (await callbackAttempts(id)).map((attempt) => attempt.httpStatus);
      expect(answered).toEqual([200, 200, 200, 200]);
    }
  });

  it('answers a repeated callback with 2xx and no second effect', async () => {
    const id = await submit(NEW_ALLOCATION, '0103');
    const before = await reaches(id, 'COMPLETED');
    const delivered = (await callbackAttempts(id)).find((attempt) => attempt.status === 'DITERIMA');

    const repeat = await sendCallback({
      id_event: delivered.id_event,
      nomor_berkas: delivered.nomor_berkas,
      referensi: id,
      status: 'DITERIMA',
      waktu: delivered.at,
    });

    expect(repeat.status).toBe(200);
    expect(repeat.body).toEqual({ outcome: 'duplicate' });
    expect((await applicationState(id)).timeline).toEqual(before.timeline);
  });

  it('refuses a forged and a replayed callback, which change nothing', async () => {
    const id = await submit(NEW_ALLOCATION, '9998');
    const waiting = await reaches(id, 'NEEDS_REVISION');
    const rejection = landEvent(id, waiting.agencyReference, 'DITOLAK');

    const forged = await sendCallback(rejection, { secret: 'guessed-secret' });
    const replayed = await sendCallback(rejection, { ageSeconds: 600 });
    const fromTheFuture = await sendCallback(rejection, { ageSeconds: -600 });

    for (const refused of [forged, replayed, fromTheFuture]) {
      expect(refused.status).toBe(401);
      expect(refused.contentType).toContain('application/problem+json');
      expect(refused.body.type).toBe('/problems/callback-not-authentic');
    }
    const after = await applicationState(id);
    expect(after.status).toBe('NEEDS_REVISION');
    expect(after.timeline).toEqual(waiting.timeline);
  });

  it('refuses a malformed callback with 400 and asks for a callback about an unknown application again later', async () => {
    const malformed = await sendCallback({ id_event: 'not-a-uuid', status: 'SELESAI' });
    expect(malformed.status).toBe(400);
    expect(malformed.contentType).toContain('application/problem+json');
    expect(malformed.body.errors.map((error: any) => error.field)).toEqual(
      expect.arrayContaining(['id_event', 'nomor_berkas', 'referensi', 'nomor_sk', 'waktu']),
    );

    const truncated = '{"id_event": ';
    const timestamp = String(Math.floor(Date.now() / 1000));
    const unreadable = await post(`${adapter.url}/callbacks/land`, truncated, {
      'X-BPB-Timestamp': timestamp,
      'X-BPB-Signature': callbackSignature(CALLBACK_SECRET, timestamp, Buffer.from(truncated)),
    });
    expect(unreadable.status).toBe(400);
    expect(unreadable.contentType).toContain('application/problem+json');

    const unknown = await sendCallback(landEvent(randomUUID(), 'BPB-000000', 'DITERIMA'));
    expect(unknown.status).toBe(409);
    expect(unknown.body.type).toBe('/problems/unknown-application');
  });

  it('gets the callbacks it missed while stopped again from the land system, and completes', async () => {
    await setFaults({ processingMs: 4 * PROCESSING_MS });
    try {
      const id = await submit(EXTENSION, '0104');
      await reaches(id, 'DELIVERED');
      await adapter.close();
      await waitFor(
        async () => (await callbackAttempts(id)).some((attempt) => attempt.error !== undefined),
        { what: 'a callback to find the adapter stopped' },
      );
      adapter = await startAdapter(BPBATAM_ADAPTER, adapterEnv);

      const completed = await reaches(id, 'COMPLETED', 60000);
      expect(statusesOf(completed)).toEqual(COMPLETED_TIMELINE);
      expect(completed.result.decreeNumber).toBeTruthy();
      expect((await arrivals(id)).submissions).toBe(1);
      const attempts = await callbackAttempts(id);
      const retried = attempts.filter((attempt) => attempt.attempt > 1);
      expect(retried.length).toBeGreaterThan(0);
      expect(attempts.at(-1).httpStatus).toBe(200);
    } finally {
      await setFaults({ processingMs: PROCESSING_MS });
    }
  }, 90000);

  it('turns a land system rejection into REJECTED with its reason', async () => {
    const id = await submit(NEW_ALLOCATION, '9997');
    const rejected = await reaches(id, 'REJECTED');
    expect(statusesOf(rejected)).toEqual(['SUBMITTED', 'DELIVERED', 'IN_PROCESS', 'REJECTED']);
    expect(rejected.timeline.at(-1).reason).toContain('ditolak');
  });

  it('completes after a revision, even when the land system calls back before it answers the revision', async () => {
    const id = await submit(EXTENSION, '9998');
    const waiting = await reaches(id, 'NEEDS_REVISION');
    expect(waiting.timeline.at(-1).reason).toBeTruthy();

    // The land system takes the revision and calls back at once, but its answer is slow.
    await setFaults({ timeoutRate: 1, timeoutHoldMs: 1000 });
    try {
      const corrected = { ...DATA[EXTENSION], nopPbb: '217101000100200399' };
      const resubmission = await post(`/v1/applications/${id}/resubmission`, {
        data: corrected,
      });
      expect(resubmission.status).toBe(202);
      await waitFor(async () => (await arrivals(id)).operations.revise === 1, {
        what: 'the revision to reach the land system',
      });
    } finally {
      await setFaults({ timeoutRate: 0 });
    }

    const completed = await reaches(id, 'COMPLETED');
    expect(statusesOf(completed)).toEqual([
      'SUBMITTED',
      'DELIVERED',
      'IN_PROCESS',
      'NEEDS_REVISION',
      'IN_PROCESS',
      'APPROVED',
      'COMPLETED',
    ]);
    expect(completed.result.decreeNumber).toBeTruthy();
    const arrived = await arrivals(id);
    expect(arrived.submissions).toBe(1);
    expect(arrived.operations.revise).toBe(1);
    // The revision was recorded before the call, so the early callback belongs to it at once.
    const resumed = (await callbackAttempts(id)).filter(
      (attempt) => attempt.status === 'VERIFIKASI',
    );
    expect(resumed.map((attempt) => attempt.httpStatus)).toEqual([200]);
  });

  it('cancels through the gateway while the land system is still verifying', async () => {
    await setFaults({ processingMs: 60000 });
    try {
      const id = await submit(NEW_ALLOCATION, '0105');
      const delivered = await reaches(id, 'DELIVERED');

      const cancellation = await post(`/v1/applications/${id}/cancellation`, {
        reason: 'Lokasi usaha dipindahkan ke Kabil',
      });
      expect(cancellation.status).toBe(202);

      const cancelled = await reaches(id, 'CANCELLED');
      expect(statusesOf(cancelled).at(-1)).toBe('CANCELLED');
      expect((await berkas(delivered.agencyReference)).status).toBe('DIBATALKAN');
      await waitFor(
        async () =>
          (await callbackAttempts(id)).some(
            (attempt) => attempt.status === 'DIBATALKAN' && attempt.httpStatus === 200,
          ),
        { what: 'the DIBATALKAN callback to be taken' },
      );
    } finally {
      await setFaults({ processingMs: PROCESSING_MS });
    }
  });

  describe('the land client, against the land system’s contract', () => {
    const clientWith = (settings: Partial<LandSystemConfig> = {}) =>
      new LegacyLandClient(
        Object.assign(new LandSystemConfig(), {
          LAND_BASE_URL: `${legacy.baseUrl}/bpbatam/api`,
          LAND_API_KEY: API_KEY,
          LAND_TIMEOUT_MS: 500,
          ...settings,
        }),
      );
    const submission = (): LandSubmission => ({
      referensi: randomUUID(),
      layanan: 'ALOKASI_BARU',
      nik: '2171011508900201',
      nama: 'Rahmat Hidayat',
      data: DATA[NEW_ALLOCATION],
    });

    afterEach(() => setFaults({ maintenance: false, errorRate: 0, timeoutRate: 0 }));

    it('gets the same berkas for the same referensi, and finds it by referensi', async () => {
      const land = clientWith();
      const sent = submission();
      const first = await land.submit(sent);
      expect(await land.submit(sent)).toBe(first);
      expect(await land.findByReference(sent.referensi)).toBe(first);
      expect(await land.findByReference(randomUUID())).toBeUndefined();
      expect((await arrivals(sent.referensi)).submissions).toBe(1);
    });

    it('turns a refusal into the SDK’s refusal, and a revision out of turn into a conflict', async () => {
      const connector = new LandConnector(clientWith());
      const refused = connector.submit(
        {
          applicationId: randomUUID(),
          trackingNumber: 'T',
          serviceCode: NEW_ALLOCATION,
          clientId: 'test',
          applicant: { nik: '2171011508909999', name: 'Rahmat Hidayat', contact: {} },
          data: DATA[NEW_ALLOCATION],
          documents: [],
          submittedAt: new Date().toISOString(),
        },
        {},
      );
      await expect(refused).rejects.toBeInstanceOf(LegacyRefusal);
      await expect(refused).rejects.toMatchObject({ status: ApplicationStatus.REJECTED });

      const land = clientWith();
      const nomorBerkas = await land.submit(submission());
      const outOfTurn = land.revise(nomorBerkas, {});
      await expect(outOfTurn).rejects.toBeInstanceOf(LandRefusal);
      await expect(outOfTurn).rejects.toMatchObject({ httpStatus: 409 });
      await land.cancel(nomorBerkas, 'Tidak jadi');
      await land.cancel(nomorBerkas, 'Tidak jadi');
      expect((await land.status(nomorBerkas)).status).toBe('DIBATALKAN');
    });

    it('finds the land system unavailable when it is down, failing, slow, unreachable or refuses the key', async () => {
      const land = clientWith();
      await setFaults({ maintenance: true });
      await expect(land.ping()).rejects.toBeInstanceOf(LegacyUnavailable);
      await setFaults({ maintenance: false, errorRate: 1 });
      await expect(land.submit(submission())).rejects.toBeInstanceOf(LegacyUnavailable);
      await setFaults({ errorRate: 0, timeoutRate: 1, timeoutHoldMs: 2000 });
      await expect(land.submit(submission())).rejects.toBeInstanceOf(LegacyUnavailable);
      await setFaults({ timeoutRate: 0 });

      await expect(clientWith({ LAND_API_KEY: 'wrong' }).ping()).rejects.toBeInstanceOf(
        LegacyUnavailable,
      );
      const closed = `http://127.0.0.1:${await freePort()}/bpbatam/api`;
      await expect(clientWith({ LAND_BASE_URL: closed }).ping()).rejects.toBeInstanceOf(
        LegacyUnavailable,
      );
    });
  });
});
