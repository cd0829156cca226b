import { Catch } from '@nestjs/common';
import { ProblemDetailsFilter as SharedProblemDetailsFilter } from '@mpp/problems';
import { DOMAIN_FIELD_MESSAGES } from '@mpp/validation';

/** Every failure of the gateway's API as problem+json, domain field errors in both languages. */
@Catch()
export class ProblemDetailsFilter extends SharedProblemDetailsFilter {
  constructor() {
    super({ realm: 'mpp-gateway', fieldMessages: DOMAIN_FIELD_MESSAGES });
  }
}
