import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { Request } from 'express';
import type { Observable } from 'rxjs';
import { Problems } from './problem';

/** No legitimate request nests deeper; deeper bodies only cost validation time. */
export const MAX_JSON_DEPTH = 16;

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

/** Refuses request bodies nested deeper than MAX_JSON_DEPTH before anything reads them. */
@Injectable()
export class JsonDepthInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const { body } = context.switchToHttp().getRequest<Request>();
      if (jsonDepth(body) > MAX_JSON_DEPTH) throw Problems.tooDeeplyNested(MAX_JSON_DEPTH);
    }
    return next.handle();
  }
}
