import { describeAdapterConformance } from '@mpp/adapter-sdk/testing';
import { __CONST___ADAPTER } from '../apps/adapter-__AGENCY__/src/__AGENCY__.adapter';
import { stubAgencySystem } from '../apps/adapter-__AGENCY__/src/legacy/stub-agency-system';

describeAdapterConformance('__AGENCY__ against its stub system', () => ({
  adapter: __CONST___ADAPTER,
  env: {},
  sampleApplication: () => ({
    applicant: { nik: '2171011508900003', name: 'Budi Santoso', contact: {} },
    data: { keperluan: 'Persyaratan melamar kerja', jumlahSalinan: 1 },
  }),
  legacy: {
    submissionsOf: async (applicationId) => stubAgencySystem.submissionsOf(applicationId),
    goDown: async () => stubAgencySystem.goDown(),
    comeBack: async () => stubAgencySystem.comeBack(),
  },
}));
