import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { PermitsAccessTokens } from '../apps/legacy-sim/src/permits/permits-access-tokens';
import { DPMPTSP_ADAPTER } from '../apps/adapter-dpmptsp/src/dpmptsp.adapter';
import { startAdapter, type RunningAdapter } from './support/adapter-harness';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { waitFor } from './support/wait-for';

const NIB = 'dpmptsp.nib';
const PBG = 'dpmptsp.pbg';
/** The simulator decides an application's fate by the NIK's last four digits. */
const nikWithSerial = (serial: string) => `217101150890${serial}`;

const LOCATION = {
  alamat: 'Jl. Engku Putri No. 1, Komplek Ruko Mega Legenda',
  kelurahan: 'Teluk Tering',
  kecamatan: 'Batam Kota',
  kodePos: '29461',
};
const NIB_DATA = {
  ...LOCATION,
  namaUsaha: 'Kedai Kopi Sumber Rejeki',
  bentukUsaha: 'perorangan',
  kbli: ['56303'],
  skalaUsaha: 'mikro',
  modalUsaha: 50_000_000,
  jumlahTenagaKerja: 3,
  email: 'sumber.rejeki@example.id',
};
const PBG_DATA = {
  ...LOCATION,
  fungsiBangunan: 'hunian',
  jenisPekerjaan: 'bangunan-baru',
  luasBangunan: 120,
  jumlahLantai: 2,
  luasTanah: 96,
  nomorSertifikatTanah: 'SHGB 01234/Teluk Tering',
};
const DATA_OF: Record<string, object> = { [NIB]: NIB_DATA, [PBG]: PBG_DATA };

const MAIN_LINE = ['SUBMITTED', 'DELIVERED', 'IN_PROCESS', 'APPROVED', 'COMPLETED'];
const PROCESSING_MS = 1600;

describe('DPMPTSP adapter: gateway → Kafka → adapter → OSS-RBA REST (simulated) → status back', () => {
  let legacy: RunningLegacySim;
  let gateway: RunningGateway;

  const post = async (path: string, body: unknown) => {
    const response = await gateway.fetch(`${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
    return (await response.json()) as { id: string };
  };
  const submit = async (serviceCode: string, nik = nikWithSerial('0003')) =>
    (
      await post('/v1/applications', {
        serviceCode,
        applicant: { nik, name: 'Siti Aminah', contact: { email: 'siti@example.id' } },
        data: DATA_OF[serviceCode],
      })
    ).id;
  const applicationState = async (id: string) =>
    (await (await gateway.fetch(`/v1/applications/${id}`)).json()) as any;
  const reaching = (id: string, status: string, timeoutMs = 30000) =>
    waitFor(
      async () => {
        const state = await applicationState(id);
        return state.status === status && state;
      },
      { what: `${id} to be ${status}`, timeoutMs },
    );
  const statusesOf = (state: any): string[] =>
    state.timeline
      .filter((step: { status?: string }) => step.status)
      .map((step: { status: string }) => step.status);
  const arrivals = async (id: string) =>
    (
      (await (
        await fetch(`${legacy.baseUrl}/_sim/systems/permits/arrivals?reference=${id}`)
      ).json()) as any
    ).submissions as number;
  /** Calls the adapter made into OSS-RBA with an outcome, from its Prometheus metrics. */
  const legacyCalls = async (adapter: RunningAdapter, outcome: string) =>
    (await (await fetch(`${adapter.url}/metrics`)).text())
      .split('\n')
      .filter(
        (line) =>
          line.startsWith('mpp_adapter_legacy_call_duration_seconds_count') &&
          line.includes(`outcome="${outcome}"`),
      )
      .reduce((sum, line) => sum + Number(line.split(' ').at(-1)), 0);
  const faultsUrl = () => `${legacy.baseUrl}/_sim/systems/permits/faults`;
  /** Runs `during` with some fault knobs of OSS-RBA turned, then turns them back. */
  const withFaults = async <T>(knobs: Record<string, unknown>, during: () => Promise<T>) => {
    const before = (await (await fetch(faultsUrl())).json()) as Record<string, unknown>;
    const patch = (values: Record<string, unknown>) =>
      fetch(faultsUrl(), {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(values),
      });
    expect((await patch(knobs)).ok).toBe(true);
    try {
      return await during();
    } finally {
      await patch(Object.fromEntries(Object.keys(knobs).map((knob) => [knob, before[knob]])));
    }
  };

  const startDpmptspAdapter = async (env: Record<string, string>): Promise<RunningAdapter> => {
    const adapter = await startAdapter(DPMPTSP_ADAPTER, {
      ADAPTER_INSTANCE_ID: 'test-adapter-dpmptsp-1',
      OSS_BASE_URL: `${legacy.baseUrl}/oss/v1`,
      STATUS_POLL_INTERVAL_MS: '200',
      ...env,
    });
    await waitFor(
      async () => {
        const available = async (code: string) => {
          const response = await gateway.fetch(`/v1/services/${code}`);
          return response.ok && ((await response.json()) as any).available === true;
        };
        return (await available(NIB)) && (await available(PBG));
      },
      { what: 'the adapter to announce its services' },
    );
    return adapter;
  };

  beforeAll(async () => {
    legacy = await createLegacySimApp({
      LEGACY_SIM_PORT: 0,
      SIM_PERMITS_PROCESSING_MS: PROCESSING_MS,
      SIM_PERMITS_TOKEN_TTL_S: 1,
    });
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: 'test-gateway-status-dpmptsp' });
  }, 60000);

  afterAll(async () => {
    await gateway?.close();
    await legacy?.close();
  }, 30000);

  describe('with Basic authentication', () => {
    let adapter: RunningAdapter;

    beforeAll(async () => {
      adapter = await startDpmptspAdapter({ OSS_AUTH_MODE: 'basic' });
    }, 90000);

    afterAll(async () => {
      await adapter?.close();
    }, 30000);

    it.each([
      [NIB, /^\d{13}$/],
      [PBG, /^SK-PBG-/],
    ])(
      'completes %s with the permit number, the whole timeline and one arrival',
      async (code, permit) => {
        const id = await submit(code);
        const completed = await reaching(id, 'COMPLETED');
        expect(completed.agencyReference).toMatch(/^OSS-\d+/);
        expect(completed.result.permitNumber).toMatch(permit);
        expect(statusesOf(completed)).toEqual(MAIN_LINE);
        expect(await arrivals(id)).toBe(1);
      },
    );

    it('turns a NIK OSS-RBA does not know into REJECTED at the door, with nothing filed', async () => {
      const id = await submit(NIB, nikWithSerial('9999'));
      const rejected = await reaching(id, 'REJECTED');
      expect(rejected.timeline.at(-1).reason).toBeTruthy();
      expect(await arrivals(id)).toBe(0);
    });

    it('reports a rejection after validation (code 90) with OSS-RBA’s reason', async () => {
      const id = await submit(PBG, nikWithSerial('9997'));
      const rejected = await reaching(id, 'REJECTED');
      expect(statusesOf(rejected)).toEqual(['SUBMITTED', 'DELIVERED', 'IN_PROCESS', 'REJECTED']);
      expect(rejected.timeline.at(-1).reason).toBeTruthy();
      expect(await arrivals(id)).toBe(1);
    });

    it('asks for revision (code 11), then completes after a resubmission through the gateway', async () => {
      const id = await submit(NIB, nikWithSerial('9998'));
      const revising = await reaching(id, 'NEEDS_REVISION');
      expect(revising.timeline.at(-1).reason).toBeTruthy();

      await post(`/v1/applications/${id}/resubmission`, {
        data: { ...NIB_DATA, kbli: ['56303', '47241'] },
      });
      const completed = await reaching(id, 'COMPLETED');
      expect(statusesOf(completed)).toEqual([
        'SUBMITTED',
        'DELIVERED',
        'IN_PROCESS',
        'NEEDS_REVISION',
        'IN_PROCESS',
        'APPROVED',
        'COMPLETED',
      ]);
      expect(completed.result.permitNumber).toMatch(/^\d{13}$/);
      expect(await arrivals(id)).toBe(1);
    });

    it('cancels a PBG in process when the applicant withdraws it through the gateway', async () => {
      // Slow enough that the cancellation arrives well before approval (code 52). OSS-RBA fixes
      // the processing time when the application arrives, so the knob stays until then.
      const id = await withFaults({ processingMs: 20000 }, async () => {
        const submitted = await submit(PBG);
        await reaching(submitted, 'DELIVERED');
        return submitted;
      });
      await reaching(id, 'IN_PROCESS', 15000);

      await post(`/v1/applications/${id}/cancellation`, { reason: 'Lokasi pembangunan berubah' });
      const cancelled = await reaching(id, 'CANCELLED');
      expect(statusesOf(cancelled)).toEqual(['SUBMITTED', 'DELIVERED', 'IN_PROCESS', 'CANCELLED']);
      expect(await arrivals(id)).toBe(1);
    }, 60000);

    it('is slowed, not broken, by OSS-RBA’s rate limit: every application completes once', async () => {
      const ids = await withFaults({ rateLimitPerSecond: 3 }, async () => {
        const submitted = await Promise.all(
          [NIB, PBG, NIB, PBG, NIB, PBG].map((code) => submit(code)),
        );
        for (const id of submitted) await reaching(id, 'COMPLETED', 60000);
        return submitted;
      });
      for (const id of ids) {
        expect(statusesOf(await applicationState(id))).toEqual(MAIN_LINE);
        expect(await arrivals(id)).toBe(1);
      }
      expect(await legacyCalls(adapter, 'throttled')).toBeGreaterThan(0);
    }, 120000);
  });

  describe('with an OAuth2 client-credentials token that lives one second', () => {
    let adapter: RunningAdapter;
    let tokenGrants: jest.SpyInstance;

    beforeAll(async () => {
      tokenGrants = jest.spyOn(legacy.app.get(PermitsAccessTokens), 'grant');
      adapter = await startDpmptspAdapter({ OSS_AUTH_MODE: 'oauth2' });
    }, 90000);

    afterAll(async () => {
      await adapter?.close();
      tokenGrants?.mockRestore();
    }, 30000);

    it('renews the token as it expires and still completes NIB and PBG', async () => {
      const ids = [await submit(NIB), await submit(PBG)];
      for (const id of ids) {
        const completed = await reaching(id, 'COMPLETED');
        expect(statusesOf(completed)).toEqual(MAIN_LINE);
        expect(await arrivals(id)).toBe(1);
      }
      expect(tokenGrants.mock.calls.length).toBeGreaterThan(1);
      expect(await legacyCalls(adapter, 'unavailable')).toBe(0);
      expect(await legacyCalls(adapter, 'error')).toBe(0);
    });
  });
});
