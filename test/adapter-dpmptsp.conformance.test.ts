import { describeAdapterConformance } from '@mpp/adapter-sdk/testing';
import { DPMPTSP_ADAPTER } from '../apps/adapter-dpmptsp/src/dpmptsp.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { simulatedLegacySystem } from './support/simulated-legacy-system';

let legacy: RunningLegacySim;

beforeAll(async () => {
  legacy = await createLegacySimApp({ LEGACY_SIM_PORT: 0, SIM_PERMITS_PROCESSING_MS: 400 });
});

afterAll(async () => {
  await legacy?.close();
});

const LOCATION = {
  alamat: 'Jl. Engku Putri No. 1',
  kelurahan: 'Teluk Tering',
  kecamatan: 'Batam Kota',
  kodePos: '29461',
};
const DATA: Record<string, Record<string, unknown>> = {
  'dpmptsp.nib': {
    ...LOCATION,
    namaUsaha: 'Kedai Kopi Sumber Rejeki',
    bentukUsaha: 'perorangan',
    kbli: ['56303'],
    skalaUsaha: 'mikro',
    modalUsaha: 50_000_000,
    jumlahTenagaKerja: 3,
    email: 'sumber.rejeki@example.id',
  },
  'dpmptsp.pbg': {
    ...LOCATION,
    fungsiBangunan: 'hunian',
    jenisPekerjaan: 'bangunan-baru',
    luasBangunan: 120,
    jumlahLantai: 2,
    luasTanah: 96,
    nomorSertifikatTanah: 'SHGB 01234/Teluk Tering',
  },
};

describeAdapterConformance('dpmptsp against the simulated OSS-RBA', () => ({
  adapter: DPMPTSP_ADAPTER,
  env: { OSS_BASE_URL: `${legacy.baseUrl}/oss/v1`, OSS_AUTH_MODE: 'oauth2' },
  sampleApplication: (serviceCode) => ({
    applicant: { nik: '2171011508900003', name: 'Siti Aminah', contact: {} },
    data: DATA[serviceCode],
  }),
  legacy: simulatedLegacySystem(legacy.baseUrl, 'permits'),
}));
