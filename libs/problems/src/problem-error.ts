export type Language = 'id' | 'en';
export type LocalizedText = Record<Language, string>;

export interface FieldError {
  /** Path of the field, e.g. `applicant.nik`, `documents.0.url`, `data.npwp`. */
  field: string;
  /** A stable code: a domain rule's problem (`nikBirthDate`) or a generic one (`isString`). */
  code: string;
  message: string;
}

/**
 * A failure an API answers with RFC 9457 problem+json. Any layer throws it; one exception
 * filter renders it in the caller's language.
 */
export class ProblemError extends Error {
  constructor(
    /** Stable, documented; relative URIs such as `/problems/not-found`. */
    readonly type: string,
    readonly status: number,
    readonly title: LocalizedText,
    readonly detail?: LocalizedText,
    readonly errors?: FieldError[],
    /** Further members of the problem object, e.g. the ids an action refused. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
    /** Response headers the problem calls for, e.g. `Allow` with a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail?.en ?? title.en);
    this.name = 'ProblemError';
  }
}
