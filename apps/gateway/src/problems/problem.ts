import { HttpProblems, HttpProblemTypes, ProblemError, type LocalizedText } from '@mpp/problems';

export { ProblemError, type FieldError, type Language, type LocalizedText } from '@mpp/problems';

/** RFC 9457 problem types of the API; `type` values are stable and listed in the README. */
export const ProblemTypes = {
  ...HttpProblemTypes,
  unknownService: '/problems/unknown-service',
  idempotencyConflict: '/problems/idempotency-key-reused',
  resubmissionNotAllowed: '/problems/resubmission-not-allowed',
  cancellationNotAllowed: '/problems/cancellation-not-allowed',
  surveyNotAllowed: '/problems/survey-not-allowed',
  surveyAlreadySubmitted: '/problems/survey-already-submitted',
  serviceNotGranted: '/problems/service-not-granted',
  clientExists: '/problems/client-exists',
} as const;

export type ProblemType = (typeof ProblemTypes)[keyof typeof ProblemTypes];

/** Why a resubmission is refused. */
export type ResubmissionRefusal =
  'not-awaiting-revision' | 'resubmission-pending' | 'cancellation-pending';

export const Problems = {
  missingCredentials(): ProblemError {
    return new ProblemError(
      ProblemTypes.unauthenticated,
      401,
      { id: 'Kunci API diperlukan', en: 'An API key is required' },
      {
        id: 'Kirim kunci API dalam header Authorization: Bearer <kunci> atau X-Api-Key.',
        en: 'Send the API key in an Authorization: Bearer <key> or X-Api-Key header.',
      },
    );
  },
  invalidCredentials(): ProblemError {
    return new ProblemError(
      ProblemTypes.unauthenticated,
      401,
      { id: 'Kunci API tidak berlaku', en: 'The API key is not valid' },
      {
        id: 'Kunci API tidak dikenal atau sudah dicabut.',
        en: 'The API key is unknown or has been revoked.',
      },
    );
  },
  forbidden(): ProblemError {
    return new ProblemError(ProblemTypes.forbidden, 403, {
      id: 'Tidak berwenang',
      en: 'Not allowed for this client',
    });
  },
  serviceNotGranted(code: string): ProblemError {
    return new ProblemError(
      ProblemTypes.serviceNotGranted,
      403,
      { id: 'Layanan tidak diizinkan', en: 'Service not granted' },
      {
        id: `Klien ini tidak diberi izin untuk layanan "${code}".`,
        en: `This client is not granted the service "${code}".`,
      },
    );
  },
  clientExists(id: string): ProblemError {
    return new ProblemError(
      ProblemTypes.clientExists,
      409,
      { id: 'Klien sudah ada', en: 'Client exists already' },
      { id: `Klien "${id}" sudah terdaftar.`, en: `Client "${id}" is registered already.` },
    );
  },
  clientNotFound(id: string): ProblemError {
    return new ProblemError(
      ProblemTypes.notFound,
      404,
      { id: 'Klien tidak ditemukan', en: 'Client not found' },
      { id: `Tidak ada klien "${id}".`, en: `There is no client "${id}".` },
    );
  },
  keyNotFound(): ProblemError {
    return new ProblemError(ProblemTypes.notFound, 404, {
      id: 'Kunci API tidak ditemukan atau sudah dicabut',
      en: 'API key not found or revoked already',
    });
  },
  validation: HttpProblems.validation,
  unknownService(code: string): ProblemError {
    return new ProblemError(
      ProblemTypes.unknownService,
      404,
      { id: 'Layanan tidak dikenal', en: 'Unknown service' },
      {
        id: `Layanan "${code}" tidak terdaftar di katalog.`,
        en: `Service "${code}" is not in the catalog.`,
      },
    );
  },
  applicationNotFound(): ProblemError {
    return new ProblemError(ProblemTypes.notFound, 404, {
      id: 'Permohonan tidak ditemukan',
      en: 'Application not found',
    });
  },
  idempotencyConflict(): ProblemError {
    return new ProblemError(
      ProblemTypes.idempotencyConflict,
      422,
      { id: 'Idempotency-Key sudah dipakai', en: 'Idempotency-Key already used' },
      {
        id: 'Kunci ini sudah dipakai untuk permohonan dengan isi berbeda.',
        en: 'This key was already used for a request with a different body.',
      },
    );
  },
  resubmissionNotAllowed(why: ResubmissionRefusal, status: string): ProblemError {
    const details: Record<ResubmissionRefusal, LocalizedText> = {
      'not-awaiting-revision': {
        id: `Permohonan berstatus ${status}; perbaikan hanya dapat dikirim saat berstatus NEEDS_REVISION.`,
        en: `The application is ${status}; corrections can only be sent while it is NEEDS_REVISION.`,
      },
      'resubmission-pending': {
        id: 'Perbaikan sebelumnya masih menunggu tanggapan instansi.',
        en: "An earlier resubmission is still waiting for the agency's answer.",
      },
      'cancellation-pending': {
        id: 'Pembatalan permohonan ini sedang diproses.',
        en: 'A cancellation of this application is pending.',
      },
    };
    return new ProblemError(
      ProblemTypes.resubmissionNotAllowed,
      409,
      { id: 'Perbaikan tidak dapat dikirim', en: 'Resubmission not allowed' },
      details[why],
    );
  },
  cancellationNotAllowed(status: string): ProblemError {
    return new ProblemError(
      ProblemTypes.cancellationNotAllowed,
      409,
      { id: 'Permohonan tidak dapat dibatalkan', en: 'Cancellation not allowed' },
      {
        id: `Permohonan berstatus ${status}; pembatalan hanya dapat dilakukan sebelum instansi memutuskan.`,
        en: `The application is ${status}; it can only be cancelled before the agency decides.`,
      },
    );
  },
  surveyNotAllowed(status: string): ProblemError {
    return new ProblemError(
      ProblemTypes.surveyNotAllowed,
      409,
      { id: 'Survei belum dapat diisi', en: 'Survey not open yet' },
      {
        id: `Permohonan berstatus ${status}; survei kepuasan dapat diisi setelah permohonan selesai, ditolak, atau dibatalkan.`,
        en: `The application is ${status}; the satisfaction survey opens once it is completed, rejected or cancelled.`,
      },
    );
  },
  surveyAlreadySubmitted(): ProblemError {
    return new ProblemError(
      ProblemTypes.surveyAlreadySubmitted,
      409,
      { id: 'Survei sudah diisi', en: 'Survey already submitted' },
      {
        id: 'Survei kepuasan untuk permohonan ini sudah diisi; setiap permohonan dinilai sekali.',
        en: 'The satisfaction survey of this application was already answered; each is rated once.',
      },
    );
  },
};
