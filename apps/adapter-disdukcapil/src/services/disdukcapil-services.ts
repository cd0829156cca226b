import type { ServiceDeclaration } from '@mpp/adapter-sdk';
import { BirthCertificateDto } from './dto/birth-certificate.dto';
import { FamilyCardUpdateDto } from './dto/family-card-update.dto';
import { KtpElReplacementDto } from './dto/ktp-el-replacement.dto';

const FREE_BY_LAW = { amount: 0, basis: 'UU 24/2013 Pasal 79A' };
const LEGAL_BASIS = ['UU 24/2013 tentang Administrasi Kependudukan', 'Perpres 96/2018'];

/** The services of Disdukcapil Batam that this adapter serves (../shared/data/services.json). */
export const DISDUKCAPIL_SERVICES: ServiceDeclaration[] = [
  {
    code: 'disdukcapil.ktp-el-penggantian',
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
    dataDto: KtpElReplacementDto,
  },
  {
    code: 'disdukcapil.kk-perubahan',
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
    dataDto: FamilyCardUpdateDto,
  },
  {
    code: 'disdukcapil.akta-kelahiran',
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
    dataDto: BirthCertificateDto,
  },
];
