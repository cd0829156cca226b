import { newTraceparent, validTraceparent } from '@mpp/flow';
import { correlationIdOf } from '@mpp/observability';
import type { Request } from 'express';
import { seesEveryApplication, type AuthenticatedClient } from '../access/access-roles';
import { Problems } from '../problems/problem';

/** Who asked, and the trace the events this request causes belong to. */
export interface RequestOrigin {
  client: AuthenticatedClient;
  clientId: string;
  correlationId: string;
  /** The caller's W3C trace context, or a new trace: every application is traceable. */
  traceparent: string;
}

/** The origin of an authenticated request (the access guard has run). */
export function requestOrigin(request: Request & { client?: AuthenticatedClient }): RequestOrigin {
  const { client } = request;
  if (!client) throw new Error('requestOrigin needs an authenticated request');
  return {
    client,
    clientId: client.id,
    correlationId: correlationIdOf(request),
    traceparent: validTraceparent(request.headers.traceparent) ?? newTraceparent(),
  };
}

/**
 * A client sees only its own applications; ops and admins see all. Another client's application
 * answers as if it did not exist, so ids reveal nothing.
 */
export function assertMayAccess(
  client: AuthenticatedClient,
  application: { clientId: string },
): void {
  if (!seesEveryApplication(client) && application.clientId !== client.id) {
    throw Problems.applicationNotFound();
  }
}
