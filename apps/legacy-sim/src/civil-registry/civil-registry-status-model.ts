import { CivilRegistryStatus } from './civil-registry-status';

/** How a registration ends, decided by the NIK's serial when it arrives. */
export type CivilRegistryOutcome = 'approve' | 'revise' | 'reject';

const SERIAL_NEEDS_REVISION = '9998';
const SERIAL_REJECTED = '9997';

export function outcomeForNik(nik: string): CivilRegistryOutcome {
  const serial = nik.slice(-4);
  if (serial === SERIAL_NEEDS_REVISION) return 'revise';
  if (serial === SERIAL_REJECTED) return 'reject';
  return 'approve';
}

export interface ProgressReport {
  status: CivilRegistryStatus;
  keterangan: string;
}

const KETERANGAN: Record<CivilRegistryStatus, string> = {
  DITERIMA: 'Permohonan diterima dan menunggu verifikasi berkas',
  DIPROSES: 'Berkas permohonan sedang diverifikasi petugas',
  DISETUJUI: 'Permohonan disetujui; dokumen sedang dicetak',
  SELESAI: 'Dokumen telah terbit dan dapat diambil',
  PERLU_PERBAIKAN:
    'Data permohonan tidak sesuai dengan database kependudukan; mohon perbaiki data dan ajukan kembali',
  DITOLAK: 'Permohonan ditolak karena dokumen persyaratan tidak sah',
};

/**
 * Where a registration stands `elapsedMs` after it was accepted: the first third of the
 * processing time DITERIMA, the second DIPROSES, the last the decision (DISETUJUI, or
 * PERLU_PERBAIKAN / DITOLAK, which stay), and SELESAI once an approval's time is up.
 */
export function progressAfter(
  elapsedMs: number,
  processingMs: number,
  outcome: CivilRegistryOutcome,
): ProgressReport {
  const done = processingMs <= 0 || elapsedMs >= processingMs;
  const third = processingMs / 3;
  let status: CivilRegistryStatus;
  if (!done && elapsedMs < third) status = CivilRegistryStatus.DITERIMA;
  else if (!done && elapsedMs < 2 * third) status = CivilRegistryStatus.DIPROSES;
  else if (outcome === 'revise') status = CivilRegistryStatus.PERLU_PERBAIKAN;
  else if (outcome === 'reject') status = CivilRegistryStatus.DITOLAK;
  else status = done ? CivilRegistryStatus.SELESAI : CivilRegistryStatus.DISETUJUI;
  return { status, keterangan: KETERANGAN[status] };
}
