import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { REFUSED_FAILURES, type Refusal, type RefusedFailure, toRefusal } from './refusal';

/** Answers a refused request in the system's own JSON error body. */
@Catch(...REFUSED_FAILURES)
export class JsonRefusalFilter implements ExceptionFilter<RefusedFailure> {
  constructor(private readonly render: (refusal: Refusal) => object) {}

  catch(error: RefusedFailure, host: ArgumentsHost): void {
    const refusal = toRefusal(error);
    const response = host.switchToHttp().getResponse<Response>();
    response
      .status(refusal.httpStatus)
      .set(refusal.details.headers ?? {})
      .json(this.render(refusal));
  }
}
