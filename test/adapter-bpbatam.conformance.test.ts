import { describeAdapterConformance, freePort } from '@mpp/adapter-sdk/testing';
import { BPBATAM_ADAPTER } from '../apps/adapter-bpbatam/src/bpbatam.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { simulatedLegacySystem } from './support/simulated-legacy-system';

let legacy: RunningLegacySim;
let port: number;

beforeAll(async () => {
  port = await freePort();
  legacy = await createLegacySimApp({
    LEGACY_SIM_PORT: 0,
    SIM_LAND_PROCESSING_MS: 400,
    SIM_LAND_CALLBACK_RETRY_BASE_MS: 100,
  });
});

afterAll(async () => {
  await legacy?.close();
});

const PARCEL = {
  kecamatan: 'Batu Ampar',
  lokasiKavling: 'Kawasan Industri Batu Ampar, Kav. 7 Blok C',
  luasM2: 8200,
  peruntukan: 'industri',
};
const DATA: Record<string, Record<string, unknown>> = {
  'bpbatam.alokasi-lahan-baru': {
    ...PARCEL,
    namaPelakuUsaha: 'PT Galangan Kapal Batam',
    nib: '9120001234567',
    npwp: '0012345678901000',
    rencanaPemanfaatan: 'Bengkel perbaikan kapal dan gudang suku cadang',
  },
  'bpbatam.perpanjangan-alokasi-lahan': {
    ...PARCEL,
    nomorAlokasiLahan: 'PL/0815/BPB/2006',
    tanggalBerakhirAlokasi: '2027-03-31',
    nopPbb: '217101000100200300',
  },
};

describeAdapterConformance('bpbatam against the simulated land system', () => ({
  adapter: BPBATAM_ADAPTER,
  env: {
    ADAPTER_PORT: String(port),
    LAND_BASE_URL: `${legacy.baseUrl}/bpbatam/api`,
    LAND_CALLBACK_URL: `http://127.0.0.1:${port}/callbacks/land`,
  },
  sampleApplication: (serviceCode) => ({
    applicant: { nik: '2171011508900003', name: 'Siti Aminah', contact: {} },
    data: DATA[serviceCode],
  }),
  legacy: simulatedLegacySystem(legacy.baseUrl, 'land'),
}));
