import type { LocalizedText } from '@mpp/contracts';

export interface DomainProblem {
  /** The stable `code` of the field error. */
  code: string;
  /** Says which part is wrong without repeating the value, which may be personal data. */
  message: LocalizedText;
}

/** A domain rule of DESIGN.md §4 as DTOs and announced JSON Schemas apply it. */
export interface DomainRule<P extends string = string> {
  /** The JSON Schema `format` a service descriptor names the rule by. */
  format: string;
  /** Each way a value can break the rule; the first is also what a value that is no string gets. */
  problems: Readonly<Record<P, DomainProblem>>;
  /** What is wrong with a string value; undefined when it keeps the rule. */
  check(value: string): P | undefined;
}

/** The one problem a value has under a rule, strings or not; undefined when it keeps it. */
export function domainProblemOf<P extends string>(
  rule: DomainRule<P>,
  value: unknown,
): DomainProblem | undefined {
  if (typeof value !== 'string') return Object.values<DomainProblem>(rule.problems)[0];
  const problem = rule.check(value);
  return problem === undefined ? undefined : rule.problems[problem];
}
