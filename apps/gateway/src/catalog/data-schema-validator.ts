import { addDomainFormats, domainFormatProblem } from '@mpp/validation';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../problems/problem';

// Formats that adapters' domain decorators announce (nik, npwp, ...) are checked by the same
// rules as the envelope; `verbose` keeps the failing value, to name the exact problem.
const ajv = addDomainFormats(
  addFormats(new Ajv({ allErrors: true, strict: false, coerceTypes: false, verbose: true })),
);

/** Validates an application's `data` against the JSON Schema its service announced. */
export class DataSchemaValidator {
  private readonly validate: ValidateFunction;

  constructor(schema: Record<string, unknown>) {
    this.validate = ajv.compile(schema);
  }

  check(data: unknown): FieldError[] {
    if (this.validate(data)) return [];
    return (this.validate.errors ?? []).map(toFieldError);
  }
}

function toFieldError(error: ErrorObject): FieldError {
  const path = error.instancePath
    .split('/')
    .filter(Boolean)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  if (error.keyword === 'required' && params.missingProperty) path.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && params.additionalProperty) {
    path.push(params.additionalProperty);
  }
  const field = ['data', ...path].join('.');
  const domain =
    error.keyword === 'format'
      ? domainFormatProblem(String(error.params.format), error.data)
      : undefined;
  if (domain) return { field, code: domain.code, message: domain.message.en };
  const message =
    error.keyword === 'additionalProperties'
      ? `${field} is not allowed`
      : `${field} ${error.message ?? 'is invalid'}`;
  return { field, code: error.keyword, message };
}
