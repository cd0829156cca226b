import type { ServiceDeclaration } from '@mpp/adapter-sdk';
import { BuildingApprovalDto } from './dto/building-approval.dto';
import { BusinessIdentityNumberDto } from './dto/business-identity-number.dto';

/** The services of DPMPTSP Batam that this adapter serves (../shared/data/services.json). */
export const DPMPTSP_SERVICES: ServiceDeclaration[] = [
  {
    code: 'dpmptsp.nib',
    name: {
      id: 'Nomor Induk Berusaha (risiko rendah)',
      en: 'Business identification number (low-risk business)',
    },
    description: {
      id: 'Penerbitan NIB melalui OSS-RBA; untuk kegiatan usaha berisiko rendah NIB sekaligus menjadi perizinan berusaha.',
      en: 'Issue of a business identification number through OSS-RBA; for a low-risk activity the NIB is the business licence itself.',
    },
    requirements: [
      'NIK',
      'Alamat email',
      'Untuk badan usaha: akta pendirian dan SK pengesahan Kemenkumham (AHU)',
    ],
    standardTime: { value: 1, unit: 'working_hours' },
    fee: { amount: 0 },
    legalBasis: [
      'UU 6/2023 tentang Penetapan Perppu 2/2022 tentang Cipta Kerja',
      'PP 28/2025 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko',
    ],
    dataDto: BusinessIdentityNumberDto,
  },
  {
    code: 'dpmptsp.pbg',
    name: { id: 'Persetujuan Bangunan Gedung (PBG)', en: 'Building approval' },
    description: {
      id: 'Persetujuan untuk membangun baru, mengubah atau memperluas bangunan gedung sesuai standar teknis.',
      en: 'Approval to build, alter or extend a building in line with the technical standards.',
    },
    requirements: [
      'KTP-el pemohon',
      'Bukti kepemilikan/penguasaan tanah',
      'Dokumen rencana teknis (arsitektur, struktur, utilitas)',
      'NIB untuk bangunan usaha',
    ],
    standardTime: { value: 28, unit: 'working_days' },
    fee: {
      rule: 'Retribusi PBG per peraturan daerah, dihitung dari luas dan fungsi bangunan',
      basis: 'UU 1/2022 tentang Hubungan Keuangan antara Pemerintah Pusat dan Pemerintahan Daerah',
    },
    legalBasis: [
      'UU 28/2002 tentang Bangunan Gedung sebagaimana diubah dengan UU 6/2023',
      'PP 16/2021 tentang Peraturan Pelaksanaan UU 28/2002 tentang Bangunan Gedung',
    ],
    dataDto: BuildingApprovalDto,
  },
];
