import { HttpException } from '@nestjs/common';
import type { Request } from 'express';
import { allowedMethods } from './allowed-methods';
import { HttpProblems } from './http-problems';
import { ProblemError, type LocalizedText } from './problem-error';

const BY_STATUS: Partial<Record<number, () => ProblemError>> = {
  401: () => HttpProblems.unauthenticated(),
  403: () => HttpProblems.forbidden(),
  404: () => HttpProblems.notFound(),
  408: () => HttpProblems.requestTimeout(),
  413: () => HttpProblems.payloadTooLarge(),
  415: () => HttpProblems.unsupportedMediaType(),
  429: () => HttpProblems.rateLimited(),
  431: () => HttpProblems.headersTooLarge(),
};

/** What any failure of an HTTP request is as a problem; anything unforeseen is a 500. */
export function problemOfFailure(exception: unknown, request: Request): ProblemError {
  if (exception instanceof ProblemError) return exception;
  if (!(exception instanceof HttpException)) return HttpProblems.internal();
  const status = exception.getStatus();
  if (status === 404) return routeNotFound(request);
  if (status === 503) return HttpProblems.serviceUnavailable(checksOf(exception));
  // Only a 400's message says something (which parameter could not be decoded, ...).
  if (status === 400) return HttpProblems.malformedRequest(textOf(exception.message));
  const known = BY_STATUS[status];
  if (known) return known();
  if (status >= 400 && status < 500) {
    const refused = HttpProblems.malformedRequest();
    return new ProblemError(refused.type, status, refused.title, textOf(exception.message));
  }
  return HttpProblems.internal();
}

/** No route at this path, or none for this method: then it is a 405 naming the others. */
function routeNotFound(request: Request): ProblemError {
  const allowed = allowedMethods(request);
  if (allowed.length > 0 && !allowed.includes(request.method)) {
    return HttpProblems.methodNotAllowed(request.method, allowed);
  }
  const notFound = HttpProblems.notFound();
  return new ProblemError(notFound.type, notFound.status, notFound.title, {
    id: `Tidak ada ${request.method} ${request.path}.`,
    en: `There is no ${request.method} ${request.path}.`,
  });
}

/** A failed health check (Terminus) says which checks failed. */
function checksOf(exception: HttpException): Record<string, unknown> {
  const response = exception.getResponse();
  const details = typeof response === 'object' ? (response as { details?: unknown }).details : null;
  return typeof details === 'object' && details !== null ? { checks: details } : {};
}

function textOf(message: string | undefined): LocalizedText | undefined {
  return message ? { id: message, en: message } : undefined;
}
