import { describeAdapterConformance } from '@mpp/adapter-sdk/testing';
import { DISDUKCAPIL_ADAPTER } from '../apps/adapter-disdukcapil/src/disdukcapil.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { simulatedLegacySystem } from './support/simulated-legacy-system';

let legacy: RunningLegacySim;

beforeAll(async () => {
  legacy = await createLegacySimApp({ LEGACY_SIM_PORT: 0, SIM_CIVIL_REGISTRY_PROCESSING_MS: 300 });
});

afterAll(async () => {
  await legacy?.close();
});

const DATA: Record<string, Record<string, unknown>> = {
  'disdukcapil.ktp-el-penggantian': { alasan: 'rusak', nomorKk: '2171010101010001' },
  'disdukcapil.kk-perubahan': {
    nomorKk: '2171010101010001',
    jenisPerubahan: 'tambah-anggota',
    keterangan: 'Kelahiran anak kedua',
  },
  'disdukcapil.akta-kelahiran': {
    namaAnak: 'Putri',
    tanggalLahir: '2026-11-01',
    tempatLahir: 'Batam',
    nikIbu: '2171015508900001',
    nikAyah: '2171011508880001',
    nomorKk: '2171010101010001',
  },
};

describeAdapterConformance('disdukcapil against the simulated civil registry', () => ({
  adapter: DISDUKCAPIL_ADAPTER,
  env: { CIVIL_REGISTRY_URL: `${legacy.baseUrl}/disdukcapil/ws` },
  sampleApplication: (serviceCode) => ({
    applicant: { nik: '2171011508900003', name: 'Budi Santoso', contact: {} },
    data: DATA[serviceCode],
  }),
  legacy: simulatedLegacySystem(legacy.baseUrl, 'civil-registry'),
}));
