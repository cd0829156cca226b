import type { ValidationError } from 'class-validator';
import { HttpProblems } from './http-problems';
import type { FieldError, ProblemError } from './problem-error';

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

/** The ValidationPipe's `exceptionFactory`: one problem with a field error per broken rule. */
export function validationProblem(errors: ValidationError[]): ProblemError {
  return HttpProblems.validation(flattenValidationErrors(errors));
}
