import { describeAdapterConformance } from '@mpp/adapter-sdk/testing';
import { DPMPTSP_ADAPTER } from '../apps/adapter-dpmptsp/src/dpmptsp.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { simulatedLegacySystem } from './support/simulated-legacy-system';
import SERVICE_DATA from './support/service-data.json';

let legacy: RunningLegacySim;

beforeAll(async () => {
  legacy = await createLegacySimApp({ LEGACY_SIM_PORT: 0, SIM_PERMITS_PROCESSING_MS: 400 });
});

afterAll(async () => {
  await legacy?.close();
});

describeAdapterConformance('dpmptsp against the simulated OSS-RBA', () => ({
  adapter: DPMPTSP_ADAPTER,
  env: { OSS_BASE_URL: `${legacy.baseUrl}/oss/v1`, OSS_AUTH_MODE: 'oauth2' },
  sampleApplication: (serviceCode) => ({
    applicant: { nik: '2171011508900003', name: 'Siti Aminah', contact: {} },
    data: SERVICE_DATA[serviceCode as keyof typeof SERVICE_DATA],
  }),
  legacy: simulatedLegacySystem(legacy.baseUrl, 'permits'),
}));
