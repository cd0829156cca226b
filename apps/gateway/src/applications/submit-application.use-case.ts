import { isGranted } from '../access/access-roles';
import { Problems } from '../problems/problem';
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agencyOfServiceCode,
  ApplicationStatus,
  EventTypes,
  Topics,
  type ApplicationSubmitted,
} from '@mpp/contracts';
import { AuditActors, appendAuditRecord } from '@mpp/audit';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import { ServiceCatalog } from '../catalog/service-catalog';
import { ConcurrentIdempotentRequest, IdempotencyStore } from '../idempotency/idempotency-store';
import { PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';
import { OutboxWriter } from '../outbox/outbox-writer';
import { AcceptedRequests, transactionWithTime } from './accepted-requests';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { SubmitApplicationDto } from './dto/submit-application.dto';
import type { RequestOrigin } from './request-origin';
import { TrackingNumber } from './tracking-number';

export interface SubmitApplicationCommand {
  body: SubmitApplicationDto;
  origin: RequestOrigin;
  idempotencyKey?: string;
}

export interface SubmissionReceipt {
  id: string;
  trackingNumber: string;
  serviceCode: string;
  status: ApplicationStatus;
  submittedAt: string;
}

export interface SubmitApplicationResult {
  receipt: SubmissionReceipt;
  /** True when this answers a retry of an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const UNIQUE_VIOLATION = '23505';
const TRACKING_NUMBER_CONSTRAINT = 'application_tracking_number_key';

/**
 * Accepts an application: the application, its first status and the outbox event are committed
 * in one transaction, so a 202 always means the agency will receive it.
 */
@Injectable()
export class SubmitApplication {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: ServiceCatalog,
    private readonly accepted: AcceptedRequests,
    private readonly idempotency: IdempotencyStore,
    private readonly outbox: OutboxWriter,
    private readonly cipher: PersonalDataCipher,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<SubmitApplicationResult> {
    const { body } = command;
    if (!isGranted(command.origin.client, body.serviceCode)) {
      throw Problems.serviceNotGranted(body.serviceCode);
    }
    this.catalog.assertValidData(body.serviceCode, body.data);

    const requestHash = sha256Hex(canonicalJson(body));
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, at } = await transactionWithTime(this.db, (db) =>
          this.store(db, command, requestHash),
        );
        if (!result.replayed) {
          this.accepted.committed({
            at,
            applicationId: result.receipt.id,
            serviceCode: result.receipt.serviceCode,
            origin: command.origin,
            outcome: 'submitted',
          });
        }
        return result;
      } catch (error) {
        const retriable =
          error instanceof ConcurrentIdempotentRequest ||
          isUniqueViolation(error, TRACKING_NUMBER_CONSTRAINT);
        if (attempt < 3 && retriable) continue;
        throw error;
      }
    }
  }

  private async store(
    db: EntityManager,
    command: SubmitApplicationCommand,
    requestHash: string,
  ): Promise<SubmitApplicationResult> {
    const { body, origin, idempotencyKey } = command;
    const { clientId } = origin;
    if (idempotencyKey) {
      const earlier = await this.idempotency.earlierAnswer<SubmissionReceipt>(
        db,
        clientId,
        idempotencyKey,
        requestHash,
      );
      if (earlier) return { receipt: earlier, replayed: true };
    }

    const id = randomUUID();
    const trackingNumber = TrackingNumber.generate();
    const now = new Date();
    const agency = agencyOfServiceCode(body.serviceCode);
    const applicant = {
      nik: body.applicant.nik,
      name: body.applicant.name,
      contact: { ...body.applicant.contact },
    };
    const documents = (body.documents ?? []).map((doc) => ({ ...doc }));

    await db.query(
      `INSERT INTO application (id, tracking_number, service_code, agency, client_id, applicant, data,
         documents, status, correlation_id, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      [
        id,
        trackingNumber,
        body.serviceCode,
        agency,
        clientId,
        this.cipher.seal(applicant, SealingContexts.applicant(id)),
        body.data,
        JSON.stringify(documents),
        ApplicationStatus.SUBMITTED,
        origin.correlationId,
        now,
      ],
    );
    await db.query(
      `INSERT INTO application_status_change (application_id, status, source, occurred_at, recorded_at)
       VALUES ($1, $2, 'gateway', $3, $3)`,
      [id, ApplicationStatus.SUBMITTED, now],
    );
    const event: ApplicationSubmitted = {
      applicationId: id,
      trackingNumber,
      serviceCode: body.serviceCode,
      clientId,
      applicant,
      data: body.data,
      documents,
      submittedAt: now.toISOString(),
    };
    await this.outbox.append(db, {
      applicationId: id,
      topic: Topics.applicationsOf(agency),
      eventType: EventTypes.applicationSubmitted,
      data: event,
      correlationId: origin.correlationId,
      traceparent: origin.traceparent,
      createdAt: now,
    });
    await appendAuditRecord(db, {
      actor: AuditActors.client(clientId),
      action: AuditActions.applicationSubmitted,
      subject: AuditSubjects.application(id),
      detail: { serviceCode: body.serviceCode, agency },
      at: now,
    });

    const receipt: SubmissionReceipt = {
      id,
      trackingNumber,
      serviceCode: body.serviceCode,
      status: ApplicationStatus.SUBMITTED,
      submittedAt: now.toISOString(),
    };
    if (idempotencyKey) {
      await this.idempotency.remember(db, clientId, idempotencyKey, requestHash, receipt, now);
    }
    return { receipt, replayed: false };
  }
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}
