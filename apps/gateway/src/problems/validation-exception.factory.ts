import type { ValidationError } from 'class-validator';
import { FieldError, Problems, ProblemError } from './problem';

/** Flattens nested class-validator errors into field paths such as `applicant.nik`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const flat: FieldError[] = [];
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      flat.push({
        field,
        code,
        message: code === 'whitelistValidation' ? `${field} is not allowed` : message,
      });
    }
    if (error.children?.length) flat.push(...flattenValidationErrors(error.children, field));
  }
  return flat;
}

export function validationExceptionFactory(errors: ValidationError[]): ProblemError {
  return Problems.validation(flattenValidationErrors(errors));
}
