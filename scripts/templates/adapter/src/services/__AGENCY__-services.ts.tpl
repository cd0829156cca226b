import type { ServiceDeclaration } from '@mpp/adapter-sdk';
import { SampleServiceDto } from './dto/sample-service.dto';

/** The services this adapter announces; the gateway validates every application's data with the DTO. */
export const __CONST___SERVICES: ServiceDeclaration[] = [
  {
    code: '__AGENCY__.contoh-layanan',
    name: { id: 'Contoh Layanan', en: 'Sample service' },
    description: {
      id: 'Layanan contoh dari kerangka adaptor; ganti dengan layanan instansi.',
      en: 'The sample service of the adapter scaffold; replace it with the agency’s services.',
    },
    requirements: ['KTP-el'],
    standardTime: { value: 1, unit: 'working_days' },
    fee: { amount: 0 },
    legalBasis: [],
    dataDto: SampleServiceDto,
  },
];
