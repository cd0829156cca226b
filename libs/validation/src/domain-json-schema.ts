import type Ajv from 'ajv';
import type { targetConstructorToSchema } from 'class-validator-jsonschema';
import { domainProblemOf, type DomainProblem, type DomainRule } from './domain-rule';
import { DomainRules } from './domain-rules';

type SchemaConverters = NonNullable<
  NonNullable<Parameters<typeof targetConstructorToSchema>[1]>['additionalConverters']
>;

const rules: readonly DomainRule[] = Object.values(DomainRules);
const problemsOf = (rule: DomainRule) => Object.values<DomainProblem>(rule.problems);

/**
 * For class-validator-jsonschema: a property with a domain decorator becomes
 * `{ type: 'string', format: <rule> }` in the JSON Schema an adapter announces, so the gateway
 * applies the same rule before anything is stored.
 */
export const domainSchemaConverters: SchemaConverters = Object.fromEntries(
  rules.flatMap((rule) =>
    problemsOf(rule).map(({ code }, index) => [
      code,
      index === 0 ? { type: 'string', format: rule.format } : {},
    ]),
  ),
);

/** Teaches an Ajv instance the domain formats that announced schemas name. */
export function addDomainFormats(ajv: Ajv): Ajv {
  for (const rule of rules) {
    ajv.addFormat(rule.format, {
      type: 'string',
      validate: (value: string) => rule.check(value) === undefined,
    });
  }
  return ajv;
}

/** The problem a value breaking a domain format has, for a field error as specific as a DTO's. */
export function domainFormatProblem(format: string, value: unknown): DomainProblem | undefined {
  const rule = rules.find((candidate) => candidate.format === format);
  return rule ? domainProblemOf(rule, value) : undefined;
}
