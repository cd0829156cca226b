import { HttpStatus } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/**
 * Why a callback is not taken, as RFC 9457 problem details. Anything but a 2xx makes the land
 * system send the callback again later, so "not now" answers are as important as refusals.
 */
export class CallbackProblem extends Error {
  override readonly name = 'CallbackProblem';

  constructor(
    readonly status: number,
    readonly type: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? title);
  }
}

export const CallbackProblems = {
  /** One answer for every failed check, so a forger learns nothing from it. */
  notAuthentic(): CallbackProblem {
    return new CallbackProblem(
      HttpStatus.UNAUTHORIZED,
      '/problems/callback-not-authentic',
      'Callback not authentic',
      'The signature or its timestamp does not verify.',
    );
  },
  malformed(detail: string, errors?: FieldError[]): CallbackProblem {
    return new CallbackProblem(
      HttpStatus.BAD_REQUEST,
      '/problems/malformed-callback',
      'Malformed callback',
      detail,
      errors,
    );
  },
  invalidFields(validation: ValidationError[]): CallbackProblem {
    const errors = validation.flatMap((error) =>
      Object.entries(error.constraints ?? {}).map(([code, message]) => ({
        field: error.property,
        code,
        message,
      })),
    );
    return CallbackProblems.malformed(`${errors.length} field(s) are not valid.`, errors);
  },
  unknownApplication(applicationId: string): CallbackProblem {
    return notYet(
      '/problems/unknown-application',
      'Application not on record yet',
      `No submission of ${applicationId} is recorded here yet`,
    );
  },
};

/** A callback that may apply later: a 409, so the land system sends it again. */
function notYet(type: string, title: string, why: string): CallbackProblem {
  return new CallbackProblem(
    HttpStatus.CONFLICT,
    type,
    title,
    `${why}; send the callback again later.`,
  );
}
