import type { LegacyStatusReport } from '@mpp/adapter-sdk';
import { ApplicationStatus } from '@mpp/contracts';
import type { PermitStatusAnswer } from './legacy-oss-rba.client';

/** OSS-RBA's status codes (`kd_status`). */
export const PermitStatusCode = {
  received: 10,
  incomplete: 11,
  underValidation: 20,
  awaitingPayment: 45,
  issued: 50,
  approvedAwaitingIssuance: 52,
  autoIssued: 57,
  rejected: 90,
  cancelled: 95,
} as const;

const S = ApplicationStatus;
const C = PermitStatusCode;

/** Where a permit application stands, in canonical terms. An unknown code is an error. */
export function toPermitStatusReport(answer: PermitStatusAnswer): LegacyStatusReport {
  switch (answer.kdStatus) {
    case C.received:
      return { status: S.DELIVERED };
    case C.incomplete:
      return { status: S.NEEDS_REVISION, reason: answer.keterangan };
    case C.underValidation:
    case C.awaitingPayment:
      return { status: S.IN_PROCESS };
    case C.approvedAwaitingIssuance:
      return { status: S.APPROVED };
    case C.issued:
    case C.autoIssued:
      if (!answer.nomorIzin) {
        throw new Error(`${answer.idPermohonan} is issued (${answer.kdStatus}) without nomor_izin`);
      }
      return { status: S.COMPLETED, result: { permitNumber: answer.nomorIzin } };
    case C.rejected:
      return { status: S.REJECTED, reason: answer.keterangan };
    case C.cancelled:
      return { status: S.CANCELLED, reason: answer.keterangan };
    default:
      throw new Error(`${answer.idPermohonan} has an unknown OSS-RBA status ${answer.kdStatus}`);
  }
}
