import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../problems/problem';

const ajv = new Ajv({ allErrors: true, strict: false, coerceTypes: false });
addFormats(ajv);

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
  const message =
    error.keyword === 'additionalProperties'
      ? `${field} is not allowed`
      : `${field} ${error.message ?? 'is invalid'}`;
  return { field, code: error.keyword, message };
}
