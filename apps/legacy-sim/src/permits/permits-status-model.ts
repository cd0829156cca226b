import { processingRoute } from '../casework/processing-route';
import type { StatusModel } from '../casework/status-model';
import { type PermitKind, PermitStatus } from './permits.contract';

type Status = PermitStatus;
const {
  received,
  incomplete,
  underValidation,
  awaitingPayment,
  approvedAwaitingIssuance,
  issued,
  autoIssued,
  rejected,
  cancelled,
} = PermitStatus;

/** What every permit kind shares: revision at 11, cancellation up to payment, the texts. */
const COMMON = {
  awaitingRevision: incomplete,
  cancellable: [received, incomplete, underValidation, awaitingPayment],
  cancelled,
  keterangan: {
    [received]: 'Permohonan diterima dan persyaratan lengkap',
    [incomplete]: 'Persyaratan belum lengkap; mohon perbaiki data permohonan',
    [underValidation]: 'Permohonan sedang diverifikasi dan divalidasi',
    [awaitingPayment]: 'Menunggu pembayaran retribusi dan pemenuhan komitmen',
    [approvedAwaitingIssuance]: 'Permohonan disetujui; izin menunggu penerbitan',
    [issued]: 'Izin telah terbit',
    [autoIssued]: 'Izin disetujui dan terbit otomatis',
    [rejected]: 'Permohonan ditolak',
    [cancelled]: 'Permohonan dibatalkan atas permintaan pemohon',
  },
  documentIssuedIn: [issued, autoIssued],
} satisfies Omit<StatusModel<Status>, 'routes' | 'resumedRoute'>;

/**
 * A NIB is issued automatically (10 → 57); a PBG is validated, paid for and issued
 * (10 → 20 → 45 → 52 → 50). Either may first be incomplete (11) or end rejected (10 → 20 → 90).
 */
export const PERMIT_STATUS_MODELS: Record<PermitKind, StatusModel<Status>> = {
  NIB: {
    ...COMMON,
    routes: {
      approve: processingRoute<Status>(2, [received, 0], [autoIssued, 2]),
      revise: processingRoute<Status>(2, [received, 0], [incomplete, 1]),
      reject: processingRoute<Status>(2, [received, 0], [underValidation, 1], [rejected, 2]),
    },
    resumedRoute: processingRoute<Status>(2, [underValidation, 1], [autoIssued, 2]),
  },
  PBG: {
    ...COMMON,
    routes: {
      approve: processingRoute<Status>(
        4,
        [received, 0],
        [underValidation, 1],
        [awaitingPayment, 2],
        [approvedAwaitingIssuance, 3],
        [issued, 4],
      ),
      revise: processingRoute<Status>(4, [received, 0], [incomplete, 1]),
      reject: processingRoute<Status>(4, [received, 0], [underValidation, 1], [rejected, 2]),
    },
    resumedRoute: processingRoute<Status>(
      4,
      [underValidation, 1],
      [awaitingPayment, 2],
      [approvedAwaitingIssuance, 3],
      [issued, 4],
    ),
  },
};
