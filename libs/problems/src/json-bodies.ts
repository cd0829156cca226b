import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { HttpProblems } from './http-problems';
import type { ProblemError } from './problem-error';

/** No legitimate request nests deeper; deeper bodies only cost validation time and stack. */
export const MAX_JSON_DEPTH = 16;

export interface JsonBodyOptions {
  /** The largest body taken, e.g. `256kb`. */
  limit: string;
}

/**
 * The only bodies an app takes: JSON objects or arrays, in UTF-8, up to a size and a depth.
 * Anything else is refused as a problem before any route, guard or pipe sees the request.
 * Raw bytes are kept when the app was created with `rawBody` (signed callbacks).
 */
export function acceptJsonBodies(app: NestExpressApplication, options: JsonBodyOptions): void {
  app.use(refuseOtherMediaTypes);
  app.useBodyParser('json', { limit: options.limit, strict: true });
  app.use(bodyParserFailuresAsProblems);
  app.use(refuseDeepNesting);
}

function refuseOtherMediaTypes(request: Request, _response: Response, next: NextFunction): void {
  // The JSON parser would skip a body of another type and leave the handler none.
  const refused = hasBody(request) && !request.is('application/json');
  next(refused ? HttpProblems.unsupportedMediaType() : undefined);
}

/** Unlike `type-is`, an empty body (Content-Length: 0) counts as none. */
function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return request.headers['transfer-encoding'] !== undefined || (!!length && Number(length) > 0);
}

/** An error body-parser raises: an http-errors error, or a zlib error it gave a status. */
interface BodyParserFailure {
  status: number;
  expose: boolean;
  type?: string;
  limit?: number;
}

function bodyParserFailuresAsProblems(
  error: unknown,
  _request: Request,
  _response: Response,
  next: NextFunction,
): void {
  next(isBodyParserFailure(error) ? problemOf(error) : error);
}

function isBodyParserFailure(error: unknown): error is BodyParserFailure {
  const { status, expose } = (error ?? {}) as Partial<BodyParserFailure>;
  return typeof status === 'number' && status >= 400 && status < 500 && typeof expose === 'boolean';
}

/** body-parser's own error types (https://github.com/expressjs/body-parser#errors). */
function problemOf(failure: BodyParserFailure): ProblemError {
  switch (failure.type) {
    case 'entity.parse.failed':
      // Its message quotes the body, which may hold personal data: not repeated.
      return HttpProblems.malformedJson();
    case 'entity.too.large':
      return HttpProblems.payloadTooLarge(failure.limit);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return HttpProblems.unsupportedMediaType();
    default:
      return HttpProblems.malformedRequest();
  }
}

function refuseDeepNesting(request: Request, _response: Response, next: NextFunction): void {
  next(
    jsonDepth(request.body) > MAX_JSON_DEPTH
      ? HttpProblems.tooDeeplyNested(MAX_JSON_DEPTH)
      : undefined,
  );
}

/** How deep a parsed JSON value nests, counted without recursion (the input is untrusted). */
export function jsonDepth(value: unknown): number {
  let deepest = 0;
  const pending: [unknown, number][] = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    deepest = Math.max(deepest, level);
    if (deepest > MAX_JSON_DEPTH) return deepest;
    for (const child of Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}
