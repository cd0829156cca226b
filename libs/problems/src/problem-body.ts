import type { FieldError, Language, LocalizedText, ProblemError } from './problem-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Field error messages by code, in both languages; other codes keep their validator's words. */
export type FieldMessages = Readonly<Record<string, LocalizedText>>;

/** The RFC 9457 members of a problem in one language. */
export function problemBody(
  problem: ProblemError,
  language: Language,
  instance?: string,
  fieldMessages: FieldMessages = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    type: problem.type,
    title: problem.title[language],
    status: problem.status,
  };
  if (problem.detail) body.detail = problem.detail[language];
  if (instance) body.instance = instance;
  if (problem.errors) {
    body.errors = problem.errors.map((error): FieldError => ({
      ...error,
      message: fieldMessages[error.code]?.[language] ?? error.message,
    }));
  }
  for (const [member, value] of Object.entries(problem.extensions)) {
    if (!(member in body)) body[member] = value;
  }
  return body;
}
