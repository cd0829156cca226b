/** Statuses the civil registry reports through CekStatus. */
export const CivilRegistryStatus = {
  DITERIMA: 'DITERIMA',
  DIPROSES: 'DIPROSES',
  PERLU_PERBAIKAN: 'PERLU_PERBAIKAN',
  DISETUJUI: 'DISETUJUI',
  DITOLAK: 'DITOLAK',
  SELESAI: 'SELESAI',
  DIBATALKAN: 'DIBATALKAN',
} as const;

export type CivilRegistryStatus = (typeof CivilRegistryStatus)[keyof typeof CivilRegistryStatus];

/** Services (KodeLayanan) the civil registry accepts. */
export const CIVIL_REGISTRY_SERVICES = [
  'ktp-el-penggantian',
  'kk-perubahan',
  'akta-kelahiran',
] as const;

export type CivilRegistryService = (typeof CIVIL_REGISTRY_SERVICES)[number];

export function isCivilRegistryService(value: string): value is CivilRegistryService {
  return (CIVIL_REGISTRY_SERVICES as readonly string[]).includes(value);
}

/** `Kode` values in the detail of the civil registry's SOAP faults. */
export const CivilRegistryFaultCode = {
  nikTidakTerdaftar: 'Client.NIKTidakTerdaftar',
  layananTidakDikenal: 'Client.LayananTidakDikenal',
  dataTidakLengkap: 'Client.DataTidakLengkap',
  tidakDitemukan: 'Client.TidakDitemukan',
  permintaanTidakValid: 'Client.PermintaanTidakValid',
  operasiTidakDikenal: 'Client.OperasiTidakDikenal',
  statusTidakSesuai: 'Client.StatusTidakSesuai',
  tidakDapatDibatalkan: 'Client.TidakDapatDibatalkan',
  sibuk: 'Server.Sibuk',
  pemeliharaan: 'Server.Pemeliharaan',
} as const;

export type CivilRegistryFaultCode =
  (typeof CivilRegistryFaultCode)[keyof typeof CivilRegistryFaultCode];
