import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, EventTypes, type ApplicationResubmitted } from '@mpp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { ServiceCatalog } from '../catalog/service-catalog';
import { ConcurrentIdempotentRequest, IdempotencyStore } from '../idempotency/idempotency-store';
import { Problems } from '../problems/problem';
import { ApplicationReader } from './application-reader';
import { ApplicationRequestLog, type LockedApplication } from './application-request-log';
import { ApplicationRequestKind } from './application-request.entity';
import { applicationView, type ApplicationView } from './application-views';
import { ApplicationEntity } from './application.entity';
import { AcceptedRequests, transactionWithTime } from './accepted-requests';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { ResubmitApplicationDto } from './dto/resubmit-application.dto';
import type { RequestOrigin } from './request-origin';

export interface ResubmitApplicationCommand {
  applicationId: string;
  body: ResubmitApplicationDto;
  origin: RequestOrigin;
  idempotencyKey?: string;
}

export interface ResubmitApplicationResult {
  view: ApplicationView;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

/**
 * Sends the applicant's corrected data to the agency after NEEDS_REVISION: the data, the next
 * revision, the request log entry and the outbox event are committed in one transaction.
 */
@Injectable()
export class ResubmitApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: ServiceCatalog,
    private readonly requests: ApplicationRequestLog,
    private readonly reader: ApplicationReader,
    private readonly accepted: AcceptedRequests,
    private readonly idempotency: IdempotencyStore,
  ) {}

  async execute(command: ResubmitApplicationCommand): Promise<ResubmitApplicationResult> {
    // The application is part of the request: one key used on another application is refused.
    const requestHash = sha256Hex(
      canonicalJson({ resubmissionOf: command.applicationId, body: command.body }),
    );
    const attempt = () =>
      transactionWithTime(this.db, (db) => this.resubmit(db, command, requestHash));
    let committed: { result: ResubmitApplicationResult; at: Date };
    try {
      committed = await attempt();
    } catch (error) {
      // Another request with the same key committed first: answer as it was answered.
      if (!(error instanceof ConcurrentIdempotentRequest)) throw error;
      committed = await attempt();
    }
    const { result, at } = committed;
    if (!result.replayed) {
      this.accepted.committed({
        at,
        applicationId: command.applicationId,
        serviceCode: result.view.serviceCode,
        origin: command.origin,
        outcome: 'resubmitted',
      });
    }
    return result;
  }

  private async resubmit(
    db: EntityManager,
    command: ResubmitApplicationCommand,
    requestHash: string,
  ): Promise<ResubmitApplicationResult> {
    const { body, origin, idempotencyKey } = command;
    const locked = await this.requests.lockApplication(
      db,
      command.applicationId,
      command.origin.client,
    );
    if (idempotencyKey) {
      const earlier = await this.idempotency.earlierAnswer<ApplicationView>(
        db,
        origin.clientId,
        idempotencyKey,
        requestHash,
      );
      if (earlier) return { view: earlier, replayed: true };
    }
    refuseUnlessAwaitingRevision(locked);
    const { application } = locked;
    this.catalog.assertValidData(application.serviceCode, body.data);

    const now = new Date();
    const revision = application.revision + 1;
    const documents = body.documents?.map((doc) => ({ ...doc })) ?? application.documents;
    await db.query(
      `UPDATE application SET data = $2, documents = $3, revision = $4, updated_at = $5 WHERE id = $1`,
      [application.id, body.data, JSON.stringify(documents), revision, now],
    );
    const event: ApplicationResubmitted = {
      applicationId: application.id,
      trackingNumber: application.trackingNumber,
      serviceCode: application.serviceCode,
      clientId: application.clientId,
      applicant: application.applicant,
      data: body.data,
      documents,
      submittedAt: application.submittedAt.toISOString(),
      revision,
      resubmittedAt: now.toISOString(),
    };
    await this.requests.record(db, application, {
      kind: ApplicationRequestKind.RESUBMISSION,
      revision,
      eventType: EventTypes.applicationResubmitted,
      eventData: event,
      origin,
      requestedAt: now,
    });

    const updated = await db.findOneByOrFail(ApplicationEntity, { id: application.id });
    const view = applicationView(await this.reader.withHistory(updated, db));
    if (idempotencyKey) {
      await this.idempotency.remember(db, origin.clientId, idempotencyKey, requestHash, view, now);
    }
    return { view, replayed: false };
  }
}

function refuseUnlessAwaitingRevision({ application, pending }: LockedApplication): void {
  if (application.status !== ApplicationStatus.NEEDS_REVISION) {
    throw Problems.resubmissionNotAllowed('not-awaiting-revision', application.status);
  }
  if (pending.includes(ApplicationRequestKind.CANCELLATION)) {
    throw Problems.resubmissionNotAllowed('cancellation-pending', application.status);
  }
  if (pending.includes(ApplicationRequestKind.RESUBMISSION)) {
    throw Problems.resubmissionNotAllowed('resubmission-pending', application.status);
  }
}
