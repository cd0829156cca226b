import { HttpProblems, HttpProblemTypes, ProblemError, type LocalizedText } from '@mpp/problems';

export { ProblemError, type FieldError, type Language, type LocalizedText } from '@mpp/problems';

/** RFC 9457 problem types of the ops API; `type` values are stable (docs/operations.md). */
export const ProblemTypes = {
  ...HttpProblemTypes,
  deadLetterAlreadyHandled: '/problems/dead-letter-already-handled',
  operatorExists: '/problems/operator-exists',
  replayFailed: '/problems/replay-failed',
  reportsNotConfigured: '/problems/reports-not-configured',
  gatewayUnavailable: '/problems/gateway-unavailable',
} as const;

export type ProblemType = (typeof ProblemTypes)[keyof typeof ProblemTypes];

export const Problems = {
  validation: HttpProblems.validation,
  invalidField(field: string, code: string, message: string): ProblemError {
    return Problems.validation([{ field, code, message }]);
  },
  unauthenticated(): ProblemError {
    return new ProblemError(
      ProblemTypes.unauthenticated,
      401,
      { id: 'Perlu masuk', en: 'Authentication required' },
      {
        id: 'Kirim kunci API yang berlaku sebagai Bearer token, atau masuk di dasbor.',
        en: 'Send a valid API key as a Bearer token, or sign in on the dashboard.',
      },
    );
  },
  forbidden(role: string): ProblemError {
    return new ProblemError(
      ProblemTypes.forbidden,
      403,
      { id: 'Tidak diizinkan', en: 'Forbidden' },
      { id: `Tindakan ini memerlukan peran ${role}.`, en: `This action needs the ${role} role.` },
    );
  },
  crossOrigin(): ProblemError {
    return new ProblemError(
      ProblemTypes.forbidden,
      403,
      { id: 'Tidak diizinkan', en: 'Forbidden' },
      {
        id: 'Perubahan dengan sesi dasbor hanya diterima dari dasbor itu sendiri.',
        en: "Changes made with a dashboard session are only accepted from the dashboard's own origin.",
      },
    );
  },
  notFound(what: LocalizedText): ProblemError {
    return new ProblemError(ProblemTypes.notFound, 404, {
      id: `${what.id} tidak ditemukan`,
      en: `${what.en} not found`,
    });
  },
  deadLettersAlreadyHandled(ids: string[]): ProblemError {
    return new ProblemError(
      ProblemTypes.deadLetterAlreadyHandled,
      409,
      { id: 'Dead letter sudah ditangani', en: 'Dead letter already handled' },
      {
        id: 'Dead letter yang sudah dikirim ulang atau dibuang tidak dapat ditangani lagi; tidak ada yang diubah.',
        en: 'A dead letter that was replayed or discarded cannot be acted on again; nothing was changed.',
      },
      undefined,
      { deadLetterIds: ids },
    );
  },
  operatorExists(name: string): ProblemError {
    return new ProblemError(
      ProblemTypes.operatorExists,
      409,
      { id: 'Operator sudah ada', en: 'Operator already exists' },
      { id: `Nama "${name}" sudah dipakai.`, en: `The name "${name}" is taken.` },
    );
  },
  replayFailed(): ProblemError {
    return new ProblemError(
      ProblemTypes.replayFailed,
      503,
      { id: 'Pengiriman ulang gagal', en: 'Replay failed' },
      {
        id: 'Kafka tidak menerima pesan; dead letter tetap tertahan. Coba lagi.',
        en: 'Kafka did not take the messages; the dead letters stay parked. Try again.',
      },
    );
  },
  reportsNotConfigured(): ProblemError {
    return new ProblemError(
      ProblemTypes.reportsNotConfigured,
      503,
      { id: 'Laporan belum dikonfigurasi', en: 'Reports not configured' },
      {
        id: 'Atur OPS_GATEWAY_API_KEY (atau OPS_GATEWAY_API_KEY_FILE) dengan kunci klien gateway berperan ops.',
        en: 'Set OPS_GATEWAY_API_KEY (or OPS_GATEWAY_API_KEY_FILE) to the key of a gateway client with the ops role.',
      },
    );
  },
  gatewayUnavailable(why: LocalizedText): ProblemError {
    return new ProblemError(
      ProblemTypes.gatewayUnavailable,
      502,
      { id: 'Gateway tidak dapat dihubungi', en: 'Gateway unavailable' },
      why,
    );
  },
};
