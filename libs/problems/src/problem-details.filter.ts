import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { preferredLanguage } from './accept-language';
import { PROBLEM_CONTENT_TYPE, problemBody, type FieldMessages } from './problem-body';
import { ProblemError } from './problem-error';
import { problemOfFailure } from './problem-of-failure';

export interface ProblemDetailsOptions {
  /** The realm of the `WWW-Authenticate: Bearer` challenge that comes with every 401. */
  realm?: string;
  fieldMessages?: FieldMessages;
}

/** The one place an app's HTTP failures become RFC 9457 problem+json, in Indonesian or English. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  constructor(private readonly options: ProblemDetailsOptions = {}) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    // Kafka handlers have their own error policy.
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = problemOfFailure(exception, request);
    if (problem.status >= 500 && !(exception instanceof ProblemError)) {
      this.logger.error(
        `unhandled error on ${request.method} ${request.path}: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    if (response.headersSent) {
      response.end();
      return;
    }
    const language = preferredLanguage(request.headers['accept-language']);
    for (const [name, value] of Object.entries(problem.headers)) response.setHeader(name, value);
    if (problem.status === 401 && this.options.realm) {
      response.setHeader('WWW-Authenticate', `Bearer realm="${this.options.realm}"`);
    }
    const instance = (request.originalUrl ?? request.url).split('?')[0];
    response
      .status(problem.status)
      .setHeader('Content-Language', language)
      .vary('Accept-Language')
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problemBody(problem, language, instance, this.options.fieldMessages)));
  }
}
