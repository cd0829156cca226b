import { processingRoute } from '../casework/processing-route';
import type { StatusModel } from '../casework/status-model';
import { CivilRegistryStatus } from './civil-registry-status';

type Status = CivilRegistryStatus;
const { DITERIMA, DIPROSES, DISETUJUI, SELESAI, PERLU_PERBAIKAN, DITOLAK, DIBATALKAN } =
  CivilRegistryStatus;

/**
 * The first third of the processing time DITERIMA, the second DIPROSES, the last the decision:
 * DISETUJUI and then SELESAI, or PERLU_PERBAIKAN / DITOLAK, which stay. A revised registration
 * is verified again and then approved.
 */
export const CIVIL_REGISTRY_STATUS_MODEL: StatusModel<Status> = {
  routes: {
    approve: processingRoute<Status>(3, [DITERIMA, 0], [DIPROSES, 1], [DISETUJUI, 2], [SELESAI, 3]),
    revise: processingRoute<Status>(3, [DITERIMA, 0], [DIPROSES, 1], [PERLU_PERBAIKAN, 2]),
    reject: processingRoute<Status>(3, [DITERIMA, 0], [DIPROSES, 1], [DITOLAK, 2]),
  },
  resumedRoute: processingRoute<Status>(3, [DIPROSES, 1], [DISETUJUI, 2], [SELESAI, 3]),
  awaitingRevision: PERLU_PERBAIKAN,
  cancellable: [DITERIMA, DIPROSES, PERLU_PERBAIKAN],
  cancelled: DIBATALKAN,
  keterangan: {
    DITERIMA: 'Permohonan diterima dan menunggu verifikasi berkas',
    DIPROSES: 'Berkas permohonan sedang diverifikasi petugas',
    DISETUJUI: 'Permohonan disetujui; dokumen sedang dicetak',
    SELESAI: 'Dokumen telah terbit dan dapat diambil',
    PERLU_PERBAIKAN:
      'Data permohonan tidak sesuai dengan database kependudukan; mohon perbaiki data dan ajukan kembali',
    DITOLAK: 'Permohonan ditolak karena dokumen persyaratan tidak sah',
    DIBATALKAN: 'Permohonan dibatalkan atas permintaan pengirim',
  },
  documentIssuedIn: [SELESAI],
};
