import { describeAdapterConformance } from '@mpp/adapter-sdk/testing';
import { DISDUKCAPIL_ADAPTER } from '../apps/adapter-disdukcapil/src/disdukcapil.adapter';
import { createLegacySimApp, type RunningLegacySim } from '../apps/legacy-sim/src/legacy-sim.app';
import { simulatedLegacySystem } from './support/simulated-legacy-system';
import SERVICE_DATA from './support/service-data.json';

let legacy: RunningLegacySim;

beforeAll(async () => {
  legacy = await createLegacySimApp({ LEGACY_SIM_PORT: 0, SIM_CIVIL_REGISTRY_PROCESSING_MS: 300 });
});

afterAll(async () => {
  await legacy?.close();
});

describeAdapterConformance('disdukcapil against the simulated civil registry', () => ({
  adapter: DISDUKCAPIL_ADAPTER,
  env: { CIVIL_REGISTRY_URL: `${legacy.baseUrl}/disdukcapil/ws` },
  sampleApplication: (serviceCode) => ({
    applicant: { nik: '2171011508900003', name: 'Budi Santoso', contact: {} },
    data: SERVICE_DATA[serviceCode as keyof typeof SERVICE_DATA],
  }),
  legacy: simulatedLegacySystem(legacy.baseUrl, 'civil-registry'),
}));
