/** The land-allocation system's REST contract (BP Batam style): base path, services, statuses. */
export const LAND_BASE_PATH = 'bpbatam/api';

export const LAND_SERVICES = ['ALOKASI_BARU', 'PERPANJANGAN'] as const;

export type LandService = (typeof LAND_SERVICES)[number];

export const LandStatus = {
  DITERIMA: 'DITERIMA',
  VERIFIKASI: 'VERIFIKASI',
  PERLU_PERBAIKAN: 'PERLU_PERBAIKAN',
  DISETUJUI: 'DISETUJUI',
  DITOLAK: 'DITOLAK',
  SELESAI: 'SELESAI',
  DIBATALKAN: 'DIBATALKAN',
} as const;

export type LandStatus = (typeof LandStatus)[keyof typeof LandStatus];

/** What the system POSTs to the registered URL for every status change. */
export interface LandCallbackEvent {
  /** Stays the same across retries of one callback, so a receiver can drop repeats. */
  id_event: string;
  nomor_berkas: string;
  referensi: string;
  status: LandStatus;
  keterangan?: string;
  nomor_sk?: string;
  /** When the status changed. */
  waktu: string;
}

export const CALLBACK_TIMESTAMP_HEADER = 'X-BPB-Timestamp';
export const CALLBACK_SIGNATURE_HEADER = 'X-BPB-Signature';
