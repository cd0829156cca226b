import { describeAdapterConformance, freePort } from '@mpp/adapter-sdk/testing';
import { BPBATAM_ADAPTER } from '../apps/adapter-bpbatam/src/bpbatam.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { simulatedLegacySystem } from './support/simulated-legacy-system';
import SERVICE_DATA from './support/service-data.json';

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

describeAdapterConformance('bpbatam against the simulated land system', () => ({
  adapter: BPBATAM_ADAPTER,
  env: {
    ADAPTER_PORT: String(port),
    LAND_BASE_URL: `${legacy.baseUrl}/bpbatam/api`,
    LAND_CALLBACK_URL: `http://127.0.0.1:${port}/callbacks/land`,
  },
  sampleApplication: (serviceCode) => ({
    applicant: { nik: '2171011508900003', name: 'Siti Aminah', contact: {} },
    data: SERVICE_DATA[serviceCode as keyof typeof SERVICE_DATA],
  }),
  legacy: simulatedLegacySystem(legacy.baseUrl, 'land'),
}));
