import { Injectable } from '@nestjs/common';
import { agencyOfServiceCode, FlowHops } from '@mpp/contracts';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxRelay } from '../outbox/outbox.relay';
import type { RequestOrigin } from './request-origin';

/**
 * Runs a request's transaction and returns when its work was done, just before the commit: the
 * relay cannot see the records earlier, so every later hop of the application is later still.
 */
export async function transactionWithTime<T>(
  db: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<{ result: T; at: Date }> {
  return db.transaction(async (manager) => {
    const result = await work(manager);
    return { result, at: new Date() };
  });
}

export interface CommittedRequest {
  applicationId: string;
  /** When the request's transaction finished its work. */
  at: Date;
  serviceCode: string;
  origin: RequestOrigin;
  /** `submitted`, `resubmitted` or `cancellation-requested`. */
  outcome: string;
}

/** What follows every committed applicant request: the relay is woken, and the hop recorded. */
@Injectable()
export class AcceptedRequests {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly flow: FlowRecorder,
  ) {}

  committed(request: CommittedRequest): void {
    this.relay.nudge();
    this.flow.record({
      hop: FlowHops.accepted,
      applicationId: request.applicationId,
      serviceCode: request.serviceCode,
      agency: agencyOfServiceCode(request.serviceCode),
      correlationId: request.origin.correlationId,
      traceId: traceIdOf(request.origin.traceparent),
      outcome: request.outcome,
      at: request.at.toISOString(),
    });
  }
}
