import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agencyOfServiceCode,
  ApplicationStatus,
  EventTypes,
  Topics,
  type ApplicationSubmitted,
} from '@mpp/contracts';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import type { GatewayConfig } from '../config/gateway.config';
import { ServiceCatalog } from '../catalog/service-catalog';
import { OutboxRelay } from '../outbox/outbox.relay';
import { Problems } from '../problems/problem';
import { canonicalJson, sha256Hex } from './canonical-json';
import type { SubmitApplicationDto } from './dto/submit-application.dto';
import { TrackingNumber } from './tracking-number';

export interface SubmitApplicationCommand {
  body: SubmitApplicationDto;
  clientId: string;
  idempotencyKey?: string;
  correlationId: string;
  traceparent?: string;
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
    private readonly relay: OutboxRelay,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  async execute(command: SubmitApplicationCommand): Promise<SubmitApplicationResult> {
    const { body } = command;
    const service = this.catalog.find(body.serviceCode);
    if (!service) throw Problems.unknownService(body.serviceCode);
    const dataErrors = service.validator.check(body.data);
    if (dataErrors.length > 0) throw Problems.validation(dataErrors);

    const requestHash = sha256Hex(canonicalJson(body));
    for (let attempt = 1; ; attempt++) {
      try {
        const result = await this.db.transaction((db) => this.store(db, command, requestHash));
        if (!result.replayed) this.relay.nudge();
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
    const { body, clientId, idempotencyKey } = command;
    if (idempotencyKey) {
      const earlier = await this.earlierAnswer(db, clientId, idempotencyKey, requestHash);
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
        applicant,
        body.data,
        JSON.stringify(documents),
        ApplicationStatus.SUBMITTED,
        command.correlationId,
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
    await db.query(
      `INSERT INTO outbox (application_id, topic, event_id, event_type, payload, correlation_id,
         traceparent, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        Topics.applicationsOf(agency),
        randomUUID(),
        EventTypes.applicationSubmitted,
        event,
        command.correlationId,
        command.traceparent ?? null,
        now,
      ],
    );

    const receipt: SubmissionReceipt = {
      id,
      trackingNumber,
      serviceCode: body.serviceCode,
      status: ApplicationStatus.SUBMITTED,
      submittedAt: now.toISOString(),
    };
    if (idempotencyKey) {
      await this.rememberAnswer(db, clientId, idempotencyKey, requestHash, receipt, now);
    }
    return { receipt, replayed: false };
  }

  private async earlierAnswer(
    db: EntityManager,
    clientId: string,
    key: string,
    requestHash: string,
  ): Promise<SubmissionReceipt | undefined> {
    const rows: { request_hash: string; response_body: SubmissionReceipt }[] = await db.query(
      `SELECT request_hash, response_body FROM idempotency_record
        WHERE client_id = $1 AND key = $2 AND expires_at > now()`,
      [clientId, key],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].request_hash !== requestHash) throw Problems.idempotencyConflict();
    return rows[0].response_body;
  }

  private async rememberAnswer(
    db: EntityManager,
    clientId: string,
    key: string,
    requestHash: string,
    receipt: SubmissionReceipt,
    now: Date,
  ): Promise<void> {
    const ttlHours = this.config.get('IDEMPOTENCY_TTL_HOURS', { infer: true });
    const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
    // Two requests with the same key racing: the loser's transaction fails here and rolls back.
    const stored: unknown[] = await db.query(
      `INSERT INTO idempotency_record (client_id, key, request_hash, response_status, response_body,
         created_at, expires_at)
       VALUES ($1, $2, $3, 202, $4, $5, $6)
       ON CONFLICT (client_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_body = EXCLUDED.response_body,
             created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_record.expires_at <= now()
       RETURNING key`,
      [clientId, key, requestHash, receipt, now, expiresAt],
    );
    if (stored.length === 0) throw new ConcurrentIdempotentRequest();
  }
}

/** Another request with the same Idempotency-Key committed first; the caller retries once. */
export class ConcurrentIdempotentRequest extends Error {}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === UNIQUE_VIOLATION && driverError.constraint === constraint;
}
