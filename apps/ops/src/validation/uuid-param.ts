import { ParseUUIDPipe } from '@nestjs/common';
import { Problems } from '../problems/problem';

/** A path parameter that must be a UUID; anything else is a validation problem. */
export function uuidParam(field: string): ParseUUIDPipe {
  return new ParseUUIDPipe({
    exceptionFactory: () => Problems.invalidField(field, 'isUuid', `${field} must be a UUID`),
  });
}
