import { correlationIdOf } from '@mpp/observability';
import type { Request } from 'express';

/** Who asked, and the trace the events this request causes belong to. */
export interface RequestOrigin {
  clientId: string;
  correlationId: string;
  traceparent?: string;
}

const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

export function requestOrigin(request: Request): RequestOrigin {
  const traceparent = request.headers.traceparent;
  return {
    clientId: 'public',
    correlationId: correlationIdOf(request),
    traceparent:
      typeof traceparent === 'string' && TRACEPARENT.test(traceparent) ? traceparent : undefined,
  };
}
