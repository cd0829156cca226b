import { ApplicationStatus } from '@mpp/contracts';

const S = ApplicationStatus;

/** The civil registry's own statuses in canonical terms. */
const CANONICAL: Record<string, ApplicationStatus> = {
  DITERIMA: S.DELIVERED,
  DIPROSES: S.IN_PROCESS,
  PERLU_PERBAIKAN: S.NEEDS_REVISION,
  DISETUJUI: S.APPROVED,
  DITOLAK: S.REJECTED,
  SELESAI: S.COMPLETED,
  DIBATALKAN: S.CANCELLED,
};

export function toCanonicalStatus(legacyStatus: string): ApplicationStatus | undefined {
  return CANONICAL[legacyStatus];
}
