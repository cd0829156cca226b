import { ProblemError, type FieldError, type LocalizedText } from './problem-error';

/** Problem types every app answers with, whatever its domain. */
export const HttpProblemTypes = {
  validation: '/problems/validation-failed',
  malformedRequest: '/problems/malformed-request',
  unauthenticated: '/problems/unauthenticated',
  forbidden: '/problems/forbidden',
  notFound: '/problems/not-found',
  methodNotAllowed: '/problems/method-not-allowed',
  requestTimeout: '/problems/request-timeout',
  payloadTooLarge: '/problems/payload-too-large',
  unsupportedMediaType: '/problems/unsupported-media-type',
  tooDeeplyNested: '/problems/too-deeply-nested',
  rateLimited: '/problems/rate-limited',
  headersTooLarge: '/problems/headers-too-large',
  serviceUnavailable: '/problems/service-unavailable',
  internal: '/problems/internal-error',
} as const;

export const HttpProblems = {
  validation(errors: FieldError[]): ProblemError {
    return new ProblemError(
      HttpProblemTypes.validation,
      400,
      { id: 'Permintaan tidak valid', en: 'The request is not valid' },
      {
        id: `${errors.length} isian perlu diperbaiki.`,
        en: `${errors.length} field(s) need correction.`,
      },
      errors,
    );
  },
  malformedRequest(detail?: LocalizedText): ProblemError {
    return new ProblemError(
      HttpProblemTypes.malformedRequest,
      400,
      { id: 'Permintaan tidak dapat dibaca', en: 'Malformed request' },
      detail,
    );
  },
  malformedJson(): ProblemError {
    return HttpProblems.malformedRequest({
      id: 'Isi permintaan bukan objek atau larik JSON yang sah.',
      en: 'The body is not a valid JSON object or array.',
    });
  },
  unauthenticated(): ProblemError {
    return new ProblemError(HttpProblemTypes.unauthenticated, 401, {
      id: 'Perlu autentikasi',
      en: 'Authentication required',
    });
  },
  forbidden(): ProblemError {
    return new ProblemError(HttpProblemTypes.forbidden, 403, {
      id: 'Tidak diizinkan',
      en: 'Forbidden',
    });
  },
  notFound(): ProblemError {
    return new ProblemError(HttpProblemTypes.notFound, 404, {
      id: 'Tidak ditemukan',
      en: 'Not found',
    });
  },
  methodNotAllowed(method: string, allowed: string[]): ProblemError {
    return new ProblemError(
      HttpProblemTypes.methodNotAllowed,
      405,
      { id: 'Metode tidak diizinkan', en: 'Method not allowed' },
      {
        id: `Alamat ini tidak menerima ${method}; yang diterima: ${allowed.join(', ')}.`,
        en: `This resource does not take ${method}; it takes ${allowed.join(', ')}.`,
      },
      undefined,
      {},
      { Allow: allowed.join(', ') },
    );
  },
  requestTimeout(): ProblemError {
    return new ProblemError(HttpProblemTypes.requestTimeout, 408, {
      id: 'Permintaan tidak selesai dikirim tepat waktu',
      en: 'The request was not received in time',
    });
  },
  payloadTooLarge(limit?: number): ProblemError {
    return new ProblemError(
      HttpProblemTypes.payloadTooLarge,
      413,
      { id: 'Isi permintaan terlalu besar', en: 'Request body too large' },
      limit === undefined
        ? undefined
        : {
            id: `Isi permintaan paling besar ${limit} bita.`,
            en: `A request body may have at most ${limit} bytes.`,
          },
    );
  },
  unsupportedMediaType(): ProblemError {
    return new ProblemError(
      HttpProblemTypes.unsupportedMediaType,
      415,
      { id: 'Jenis isi tidak didukung', en: 'Unsupported media type' },
      {
        id: 'Kirim isi permintaan sebagai application/json dalam UTF-8, tanpa kompresi lain.',
        en: 'Send the body as application/json in UTF-8, without other encodings.',
      },
    );
  },
  tooDeeplyNested(limit: number): ProblemError {
    return new ProblemError(
      HttpProblemTypes.tooDeeplyNested,
      400,
      { id: 'Struktur JSON terlalu dalam', en: 'JSON nested too deeply' },
      {
        id: `Kedalaman JSON paling banyak ${limit} tingkat.`,
        en: `JSON may be nested at most ${limit} levels deep.`,
      },
    );
  },
  rateLimited(): ProblemError {
    return new ProblemError(HttpProblemTypes.rateLimited, 429, {
      id: 'Terlalu banyak permintaan',
      en: 'Too many requests',
    });
  },
  headersTooLarge(): ProblemError {
    return new ProblemError(HttpProblemTypes.headersTooLarge, 431, {
      id: 'Header permintaan terlalu besar',
      en: 'Request header fields too large',
    });
  },
  serviceUnavailable(extensions: Record<string, unknown> = {}): ProblemError {
    return new ProblemError(
      HttpProblemTypes.serviceUnavailable,
      503,
      { id: 'Layanan sedang tidak tersedia', en: 'Service unavailable' },
      undefined,
      undefined,
      extensions,
    );
  },
  internal(): ProblemError {
    return new ProblemError(HttpProblemTypes.internal, 500, {
      id: 'Terjadi kesalahan pada server',
      en: 'Internal server error',
    });
  },
};
