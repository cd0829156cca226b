import { processingRoute } from '../casework/processing-route';
import type { StatusModel } from '../casework/status-model';
import { LandStatus } from './land.contract';

type Status = LandStatus;
const { DITERIMA, VERIFIKASI, PERLU_PERBAIKAN, DISETUJUI, DITOLAK, SELESAI, DIBATALKAN } =
  LandStatus;

/**
 * Thirds of the processing time: DITERIMA, VERIFIKASI, DISETUJUI, then SELESAI. A berkas that
 * needs revision waits in PERLU_PERBAIKAN from the first third, and is verified again once revised.
 */
export const LAND_STATUS_MODEL: StatusModel<Status> = {
  routes: {
    approve: processingRoute<Status>(
      3,
      [DITERIMA, 0],
      [VERIFIKASI, 1],
      [DISETUJUI, 2],
      [SELESAI, 3],
    ),
    revise: processingRoute<Status>(3, [DITERIMA, 0], [PERLU_PERBAIKAN, 1]),
    reject: processingRoute<Status>(3, [DITERIMA, 0], [VERIFIKASI, 1], [DITOLAK, 2]),
  },
  resumedRoute: processingRoute<Status>(3, [VERIFIKASI, 1], [DISETUJUI, 2], [SELESAI, 3]),
  awaitingRevision: PERLU_PERBAIKAN,
  cancellable: [DITERIMA, VERIFIKASI, PERLU_PERBAIKAN],
  cancelled: DIBATALKAN,
  keterangan: {
    DITERIMA: 'Berkas pengajuan diterima',
    VERIFIKASI: 'Berkas sedang diverifikasi Direktorat Pengelolaan Lahan',
    PERLU_PERBAIKAN: 'Dokumen pendukung belum lengkap; mohon kirim perbaikan',
    DISETUJUI: 'Pengajuan disetujui; surat keputusan sedang disiapkan',
    DITOLAK: 'Pengajuan ditolak karena lahan tidak tersedia untuk peruntukan yang diminta',
    SELESAI: 'Surat keputusan alokasi lahan telah terbit',
    DIBATALKAN: 'Pengajuan dibatalkan atas permintaan pemohon',
  },
  documentIssuedIn: [SELESAI],
};
