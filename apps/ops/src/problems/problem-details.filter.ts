import { Catch } from '@nestjs/common';
import { ProblemDetailsFilter as SharedProblemDetailsFilter } from '@mpp/problems';

/** Every failure of the ops API as problem+json; a 401 challenges for the ops realm. */
@Catch()
export class ProblemDetailsFilter extends SharedProblemDetailsFilter {
  constructor() {
    super({ realm: 'mpp-ops' });
  }
}
