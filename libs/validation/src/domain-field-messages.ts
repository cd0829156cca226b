import type { LocalizedText } from '@mpp/contracts';
import type { DomainProblem, DomainRule } from './domain-rule';
import { DomainRules } from './domain-rules';

/** The message of every domain problem code in both languages, for localised field errors. */
export const DOMAIN_FIELD_MESSAGES: Readonly<Record<string, LocalizedText>> = Object.fromEntries(
  Object.values<DomainRule>(DomainRules)
    .flatMap((rule) => Object.values<DomainProblem>(rule.problems))
    .map(({ code, message }) => [code, message]),
);
