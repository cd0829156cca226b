import { newTraceparent, validTraceparent } from '@mpp/flow';
import { correlationIdOf } from '@mpp/observability';
import type { Request } from 'express';

/** Who asked, and the trace the events this request causes belong to. */
export interface RequestOrigin {
  clientId: string;
  correlationId: string;
  /** The caller's W3C trace context, or a new trace: every application is traceable. */
  traceparent: string;
}

export function requestOrigin(request: Request): RequestOrigin {
  return {
    clientId: 'public',
    correlationId: correlationIdOf(request),
    traceparent: validTraceparent(request.headers.traceparent) ?? newTraceparent(),
  };
}
