import type { ServiceDescriptor } from '@mpp/contracts';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { BirthCertificateDto } from './dto/birth-certificate.dto';
import { FamilyCardUpdateDto } from './dto/family-card-update.dto';
import { KtpElReplacementDto } from './dto/ktp-el-replacement.dto';

export const AGENCY = 'disdukcapil';
const AGENCY_NAME = 'Dinas Kependudukan dan Pencatatan Sipil Kota Batam';
const FREE_BY_LAW = { amount: 0, basis: 'UU 24/2013 Pasal 79A' };
const LEGAL_BASIS = ['UU 24/2013 tentang Administrasi Kependudukan', 'Perpres 96/2018'];

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
function dataSchemaOf(dto: Function): Record<string, unknown> {
  return { ...targetConstructorToSchema(dto), additionalProperties: false };
}

/** The civil-registry services this adapter serves, with the legacy service code of each. */
export const CIVIL_REGISTRY_SERVICES: { descriptor: ServiceDescriptor; legacyCode: string }[] = [
  {
    legacyCode: 'ktp-el-penggantian',
    descriptor: {
      code: 'disdukcapil.ktp-el-penggantian',
      agency: AGENCY,
      agencyName: AGENCY_NAME,
      name: {
        id: 'Penggantian KTP-el (hilang atau rusak)',
        en: 'Replacement electronic ID card (lost or damaged)',
      },
      description: {
        id: 'Pencetakan ulang KTP-el yang hilang atau rusak.',
        en: 'Reissue of an electronic ID card that was lost or damaged.',
      },
      requirements: [
        'Kartu Keluarga',
        'Surat keterangan kehilangan dari kepolisian (jika hilang)',
        'KTP-el yang rusak (jika rusak)',
      ],
      standardTime: { value: 2, unit: 'working_days' },
      fee: FREE_BY_LAW,
      legalBasis: LEGAL_BASIS,
      dataSchema: dataSchemaOf(KtpElReplacementDto),
    },
  },
  {
    legacyCode: 'kk-perubahan',
    descriptor: {
      code: 'disdukcapil.kk-perubahan',
      agency: AGENCY,
      agencyName: AGENCY_NAME,
      name: { id: 'Perubahan Kartu Keluarga', en: 'Family card update' },
      description: {
        id: 'Penerbitan Kartu Keluarga baru karena perubahan susunan atau data anggota keluarga.',
        en: 'A new family card after a change in the household or its members’ data.',
      },
      requirements: [
        'Formulir F-1.01',
        'Surat pengantar RT/RW',
        'Dokumen pendukung perubahan (akta, surat nikah, dll.)',
      ],
      standardTime: { value: 1, unit: 'working_days' },
      fee: FREE_BY_LAW,
      legalBasis: LEGAL_BASIS,
      dataSchema: dataSchemaOf(FamilyCardUpdateDto),
    },
  },
  {
    legacyCode: 'akta-kelahiran',
    descriptor: {
      code: 'disdukcapil.akta-kelahiran',
      agency: AGENCY,
      agencyName: AGENCY_NAME,
      name: { id: 'Akta Kelahiran', en: 'Birth certificate' },
      description: {
        id: 'Penerbitan kutipan akta kelahiran.',
        en: 'Issue of a birth certificate.',
      },
      requirements: [
        'Surat keterangan lahir dari rumah sakit/bidan',
        'Kartu Keluarga orang tua',
        'KTP-el orang tua',
        'Buku nikah/akta perkawinan orang tua',
      ],
      standardTime: { value: 1, unit: 'working_days' },
      fee: FREE_BY_LAW,
      legalBasis: LEGAL_BASIS,
      dataSchema: dataSchemaOf(BirthCertificateDto),
    },
  },
];

export function legacyCodeOf(serviceCode: string): string | undefined {
  return CIVIL_REGISTRY_SERVICES.find((service) => service.descriptor.code === serviceCode)
    ?.legacyCode;
}
