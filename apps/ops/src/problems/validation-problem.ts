import type { ValidationError } from 'class-validator';
import { Problems, type FieldError, type ProblemError } from './problem';

/** The ValidationPipe's failures as one problem with a field path per broken constraint. */
export function validationProblem(errors: ValidationError[]): ProblemError {
  const fields: FieldError[] = [];
  const visit = (error: ValidationError, path: string) => {
    for (const [code, message] of Object.entries(error.constraints ?? {})) {
      fields.push({ field: path, code, message });
    }
    for (const child of error.children ?? []) visit(child, `${path}.${child.property}`);
  };
  for (const error of errors) visit(error, error.property);
  return Problems.validation(fields);
}
