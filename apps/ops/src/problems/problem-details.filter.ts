import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ProblemError, ProblemTypes, type Language, type ProblemType } from './problem';

const GENERIC_TYPES: Partial<Record<number, ProblemType>> = {
  401: ProblemTypes.unauthenticated,
  403: ProblemTypes.forbidden,
  404: ProblemTypes.notFound,
};

/** Turns every failure of an HTTP request into RFC 9457 problem+json, in Indonesian or English. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const request = host.switchToHttp().getRequest<Request>();
    const response = host.switchToHttp().getResponse<Response>();
    const problem = asProblem(exception);
    if (problem.status >= 500 && !(exception instanceof ProblemError)) {
      this.logger.error(
        `unhandled error on ${request.method} ${request.path}: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    const language: Language = request.acceptsLanguages('id', 'en') === 'en' ? 'en' : 'id';
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="mpp-ops"');
    if (response.headersSent) return;
    response
      .status(problem.status)
      .setHeader('Content-Language', language)
      .type('application/problem+json')
      .send(
        JSON.stringify({
          type: problem.type,
          title: problem.title[language],
          status: problem.status,
          detail: problem.detail?.[language],
          instance: request.path,
          ...problem.extensions,
        }),
      );
  }
}

function asProblem(exception: unknown): ProblemError {
  if (exception instanceof ProblemError) return exception;
  // Nest's own HTTP errors (unknown route, ...) and body-parser's (bad JSON, too large).
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : (exception as { status?: unknown } | undefined)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = exception instanceof Error ? exception.message : 'Request refused';
    return new ProblemError(
      GENERIC_TYPES[status] ?? ProblemTypes.malformedRequest,
      status,
      { id: 'Permintaan ditolak', en: 'Request refused' },
      { id: message, en: message },
    );
  }
  return new ProblemError(ProblemTypes.internal, 500, {
    id: 'Terjadi kesalahan pada server',
    en: 'Internal server error',
  });
}
