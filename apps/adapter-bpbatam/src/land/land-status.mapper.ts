import type { LegacyStatusReport } from '@mpp/adapter-sdk';
import { ApplicationStatus } from '@mpp/contracts';

/** The statuses of a land application (berkas) in BP Batam's land system. */
export const LandStatus = {
  received: 'DITERIMA',
  verifying: 'VERIFIKASI',
  needsCorrection: 'PERLU_PERBAIKAN',
  approved: 'DISETUJUI',
  completed: 'SELESAI',
  refused: 'DITOLAK',
  cancelled: 'DIBATALKAN',
} as const;
export type LandStatus = (typeof LandStatus)[keyof typeof LandStatus];

export const LAND_STATUSES: readonly LandStatus[] = Object.values(LandStatus);

const S = ApplicationStatus;

const CANONICAL: Readonly<Record<LandStatus, ApplicationStatus>> = {
  DITERIMA: S.DELIVERED,
  VERIFIKASI: S.IN_PROCESS,
  PERLU_PERBAIKAN: S.NEEDS_REVISION,
  DISETUJUI: S.APPROVED,
  SELESAI: S.COMPLETED,
  DITOLAK: S.REJECTED,
  DIBATALKAN: S.CANCELLED,
};

/** What the land system says about a berkas, in its own words. */
export interface LandStatusNotice {
  status: LandStatus;
  keterangan?: string;
  /** The decree (SK) issued once the berkas is SELESAI. */
  nomor_sk?: string;
}

/** A land status notice in canonical terms; the decree number is the result of completion. */
export function toStatusReport(notice: LandStatusNotice): LegacyStatusReport {
  const report: LegacyStatusReport = { status: CANONICAL[notice.status] };
  if (notice.keterangan) report.reason = notice.keterangan;
  if (notice.status === LandStatus.completed && notice.nomor_sk) {
    report.result = { decreeNumber: notice.nomor_sk };
  }
  return report;
}
