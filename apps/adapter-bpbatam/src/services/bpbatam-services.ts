import type { ServiceDeclaration } from '@mpp/adapter-sdk';
import { LandAllocationExtensionDto } from './dto/land-allocation-extension.dto';
import { NewLandAllocationDto } from './dto/new-land-allocation.dto';

const LEGAL_BASIS = [
  'PP 41/2021 tentang Penyelenggaraan Kawasan Perdagangan Bebas dan Pelabuhan Bebas',
  'Peraturan Kepala BP Batam Nomor 11 Tahun 2023 tentang Penyelenggaraan Pengelolaan Pertanahan',
];

/** The land services of BP Batam that this adapter serves (../shared/data/services.json). */
export const BPBATAM_SERVICES: ServiceDeclaration[] = [
  {
    code: 'bpbatam.alokasi-lahan-baru',
    name: { id: 'Pengalokasian Lahan Baru', en: 'New land allocation' },
    description: {
      id: 'Alokasi lahan di atas Hak Pengelolaan BP Batam untuk jangka waktu 30 tahun, sesuai rencana pemanfaatan yang diajukan.',
      en: 'Allocation of land under BP Batam’s management right for 30 years, for the proposed use.',
    },
    requirements: [
      'KTP-el atau akta badan usaha',
      'NIB',
      'NPWP',
      'Rencana pemanfaatan lahan (proposal usaha)',
    ],
    standardTime: { value: 28, unit: 'working_days' },
    fee: {
      rule: 'Uang Wajib Tahunan (UWT) = luas x tarif + panjang garis pantai x tarif x 20; tagihan jatuh tempo 10 hari',
    },
    legalBasis: LEGAL_BASIS,
    dataDto: NewLandAllocationDto,
  },
  {
    code: 'bpbatam.perpanjangan-alokasi-lahan',
    name: {
      id: 'Perpanjangan Alokasi Lahan (20 tahun)',
      en: 'Land allocation extension (20 years)',
    },
    description: {
      id: 'Perpanjangan alokasi lahan yang akan berakhir untuk 20 tahun berikutnya.',
      en: 'Extension of a land allocation that is about to end, for another 20 years.',
    },
    requirements: [
      'KTP-el',
      'Dokumen PL/SKEP/PPL',
      'Bukti bayar PBB terakhir',
      'Untuk badan usaha: akta, NIB, NPWP',
    ],
    standardTime: { value: 15, unit: 'working_days' },
    fee: {
      rule: 'UWT perpanjangan; diajukan antara 10 tahun dan 6 bulan sebelum berakhir, denda 2% UWT per bulan bila terlambat',
    },
    legalBasis: LEGAL_BASIS,
    dataDto: LandAllocationExtensionDto,
  },
];
