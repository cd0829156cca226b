import type { AuthenticatedClient } from '../access/access-roles';
import { Injectable } from '@nestjs/common';
import { ApplicationStatus, StatusMachine, Topics, type EventType } from '@mpp/contracts';
import { AuditActors, appendAuditRecord } from '@mpp/audit';
import { IsNull, type EntityManager } from 'typeorm';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import { OutboxWriter } from '../outbox/outbox-writer';
import { Problems } from '../problems/problem';
import { assertMayAccess } from './request-origin';
import { ApplicationRequestEntity, ApplicationRequestKind } from './application-request.entity';
import { ApplicationEntity } from './application.entity';
import type { RequestOrigin } from './request-origin';

export interface LockedApplication {
  application: ApplicationEntity;
  /** Requests sent on to the agency that no status report has answered yet. */
  pending: ApplicationRequestKind[];
}

export interface ApplicantRequest {
  kind: ApplicationRequestKind;
  revision?: number;
  reason?: string;
  eventType: EventType;
  eventData: object;
  origin: RequestOrigin;
  requestedAt: Date;
}

/**
 * The applicant's requests about an application the agency already has, each carried to the
 * agency by an outbox event and pending until the agency's status answers it.
 */
@Injectable()
export class ApplicationRequestLog {
  constructor(private readonly outbox: OutboxWriter) {}

  /**
   * Locks the application for the rest of the transaction, so requests and status reports of
   * one application are decided one at a time.
   */
  async lockApplication(
    db: EntityManager,
    id: string,
    requester: AuthenticatedClient,
  ): Promise<LockedApplication> {
    const application = await db.findOne(ApplicationEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!application) throw Problems.applicationNotFound();
    assertMayAccess(requester, application);
    const pending = await db.find(ApplicationRequestEntity, {
      select: { kind: true },
      where: { applicationId: id, settledAt: IsNull() },
    });
    return { application, pending: pending.map((request) => request.kind) };
  }

  /** Logs the request and appends the event that carries it to the agency's topic. */
  async record(
    db: EntityManager,
    application: ApplicationEntity,
    request: ApplicantRequest,
  ): Promise<void> {
    const eventId = await this.outbox.append(db, {
      applicationId: application.id,
      topic: Topics.applicationsOf(application.agency),
      eventType: request.eventType,
      data: request.eventData,
      correlationId: request.origin.correlationId,
      traceparent: request.origin.traceparent,
      createdAt: request.requestedAt,
    });
    await db.query(
      `INSERT INTO application_request
         (application_id, kind, revision, reason, client_id, event_id, requested_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        application.id,
        request.kind,
        request.revision ?? null,
        request.reason ?? null,
        request.origin.clientId,
        eventId,
        request.requestedAt,
      ],
    );
    await appendAuditRecord(db, {
      actor: AuditActors.client(request.origin.clientId),
      action:
        request.kind === ApplicationRequestKind.RESUBMISSION
          ? AuditActions.resubmissionRequested
          : AuditActions.cancellationRequested,
      subject: AuditSubjects.application(application.id),
      detail: {
        status: application.status,
        ...(request.revision ? { revision: request.revision } : {}),
      },
      at: request.requestedAt,
    });
  }

  /** Settles the pending requests that a status the agency reported answers. */
  async settleAnsweredBy(
    db: EntityManager,
    applicationId: string,
    status: ApplicationStatus,
  ): Promise<void> {
    const answered = requestsAnsweredBy(status);
    if (answered.length === 0) return;
    await db.query(
      `UPDATE application_request SET settled_at = now()
        WHERE application_id = $1 AND settled_at IS NULL AND kind = ANY($2::text[])`,
      [applicationId, answered],
    );
  }
}

/** Which kinds of pending request a newly applied status answers. */
export function requestsAnsweredBy(status: ApplicationStatus): ApplicationRequestKind[] {
  const answered: ApplicationRequestKind[] = [];
  // FAILED says the agency has not been reached; any other status is its word after the
  // resubmission (from NEEDS_REVISION only IN_PROCESS or a final status can follow).
  if (status !== ApplicationStatus.FAILED) answered.push(ApplicationRequestKind.RESUBMISSION);
  // Once CANCELLED can no longer follow, the cancellation was carried out or overtaken by a decision.
  if (!StatusMachine.canTransition(status, ApplicationStatus.CANCELLED)) {
    answered.push(ApplicationRequestKind.CANCELLATION);
  }
  return answered;
}
