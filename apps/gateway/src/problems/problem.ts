/** RFC 9457 problem types of the API; `type` values are stable and documented in docs/api.md. */
export const ProblemTypes = {
  validation: '/problems/validation-failed',
  malformedRequest: '/problems/malformed-request',
  unknownService: '/problems/unknown-service',
  notFound: '/problems/not-found',
  idempotencyConflict: '/problems/idempotency-key-reused',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  methodNotAllowed: '/problems/method-not-allowed',
  internal: '/problems/internal-error',
} as const;

export type ProblemType = (typeof ProblemTypes)[keyof typeof ProblemTypes];

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export type Language = 'id' | 'en';
export type LocalizedText = Record<Language, string>;

/** A failure the API answers with problem+json. Domain code throws these; one filter renders them. */
export class ProblemError extends Error {
  constructor(
    readonly type: ProblemType,
    readonly status: number,
    readonly title: LocalizedText,
    readonly detail?: LocalizedText,
    readonly errors?: FieldError[],
  ) {
    super(detail?.en ?? title.en);
    this.name = 'ProblemError';
  }
}

export const Problems = {
  validation(errors: FieldError[]): ProblemError {
    return new ProblemError(
      ProblemTypes.validation,
      400,
      { id: 'Data permohonan tidak valid', en: 'The request is not valid' },
      {
        id: `${errors.length} isian perlu diperbaiki.`,
        en: `${errors.length} field(s) need correction.`,
      },
      errors,
    );
  },
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
};
