import { isJsonObject, type JsonObject } from './json-object';
import { type CaseOutcome, isRegisteredNik, isWellFormedNik, outcomeForNik } from './nik-serial';

/** A submission as it arrived, before any check. */
export interface SubmissionFields {
  reference: unknown;
  service: unknown;
  nik: unknown;
  nama: unknown;
  data: unknown;
}

/** How the system names each field on the wire, so refusals name what the sender must fix. */
export type SubmissionFieldNames = Record<keyof SubmissionFields, string>;

export interface CheckedSubmission<S extends string> {
  reference: string;
  service: S;
  nik: string;
  nama: string;
  data: JsonObject;
  outcome: CaseOutcome;
}

export type SubmissionRefusalReason = 'incomplete' | 'unknownService' | 'nikNotRegistered';

/** A submission every simulated system refuses; each answers it in its own protocol. */
export class SubmissionRefused extends Error {
  constructor(
    readonly reason: SubmissionRefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'SubmissionRefused';
  }
}

const TEXT_FIELDS = ['reference', 'service', 'nik', 'nama'] as const;

/** The checks the systems share, in the order they apply; throws SubmissionRefused. */
export function checkSubmission<S extends string>(
  fields: SubmissionFields,
  names: SubmissionFieldNames,
  services: readonly S[],
): CheckedSubmission<S> {
  const missing = [
    ...TEXT_FIELDS.filter((field) => !isText(fields[field])),
    ...(fields.data === undefined || fields.data === null ? (['data'] as const) : []),
  ];
  if (missing.length > 0) {
    const listed = missing.map((field) => names[field]).join(', ');
    throw new SubmissionRefused('incomplete', `Wajib diisi: ${listed}`);
  }
  const { reference, service, nik, nama } = fields as Record<(typeof TEXT_FIELDS)[number], string>;
  if (!(services as readonly string[]).includes(service)) {
    throw new SubmissionRefused('unknownService', `${names.service} ${service} tidak dikenal`);
  }
  if (!isJsonObject(fields.data)) {
    throw new SubmissionRefused('incomplete', `${names.data} harus berupa objek JSON`);
  }
  if (!isWellFormedNik(nik)) {
    throw new SubmissionRefused('incomplete', `${names.nik} harus terdiri dari 16 digit angka`);
  }
  if (!isRegisteredNik(nik)) {
    throw new SubmissionRefused(
      'nikNotRegistered',
      'NIK tidak terdaftar dalam database kependudukan',
    );
  }
  return {
    reference,
    service: service as S,
    nik,
    nama,
    data: fields.data,
    outcome: outcomeForNik(nik),
  };
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
