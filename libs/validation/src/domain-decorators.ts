import { registerDecorator, type ValidationOptions } from 'class-validator';
import { domainProblemOf, type DomainProblem, type DomainRule } from './domain-rule';
import { DomainRules } from './domain-rules';

/**
 * A class-validator decorator for a domain rule: one constraint per way the rule can be
 * broken, named by the problem's stable code, of which a value fails at most one. So a field
 * error says which part is wrong (`nikBirthDate`, not just `isNik`).
 */
function domainRuleDecorator(rule: DomainRule, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    for (const problem of Object.values<DomainProblem>(rule.problems)) {
      registerDecorator({
        name: problem.code,
        target: target.constructor,
        propertyName: String(propertyName),
        options: { message: problem.message.en, ...options },
        validator: { validate: (value: unknown) => domainProblemOf(rule, value) !== problem },
      });
    }
  };
}

/** Nomor Induk Kependudukan: 16 digits, an official region, a real birth date, serial from 0001. */
export const IsNik = (options?: ValidationOptions) => domainRuleDecorator(DomainRules.nik, options);

/** Nomor Induk Berusaha: 13 digits. */
export const IsNib = (options?: ValidationOptions) => domainRuleDecorator(DomainRules.nib, options);

/** NPWP: 16 digits, a resident's NIK or "0" and the old 15 digits. */
export const IsNpwp = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.npwp, options);

/** An Indonesian mobile or landline number, with 0, 62 or +62. */
export const IsIndonesianPhoneNumber = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.phoneNumber, options);

/** An email address any agency's mail system can deliver to. */
export const IsEmailAddress = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.emailAddress, options);

/** A SHA-256 digest as 64 lowercase hex digits. */
export const IsSha256 = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.sha256, options);

/** One of the document media types every agency accepts. */
export const IsDocumentMediaType = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.documentMediaType, options);

/** An https URL on a public domain name, without credentials. */
export const IsDocumentUrl = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.documentUrl, options);

/** A document's file name, without folders or control characters. */
export const IsDocumentName = (options?: ValidationOptions) =>
  domainRuleDecorator(DomainRules.documentName, options);
