import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  agencyOfServiceCode,
  FlowHops,
  isServiceCode,
  StatusMachine,
  type ApplicationStatus,
  type CloudEvent,
} from '@mpp/contracts';
import { AuditActors, appendAuditRecord } from '@mpp/audit';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import { METRICS_REGISTRY } from '@mpp/observability';
import { Counter, type Registry } from 'prom-client';
import { DataSource, EntityManager } from 'typeorm';
import { ApplicationRequestLog } from '../applications/application-request-log';
import { AuditActions, AuditSubjects } from '../audit/audit-actions';
import { queueStatusWebhook } from '../webhooks/webhook-queue';
import type { StatusChangedMessage } from './status-changed.message';
import { ReceiptOutcome } from './status-event-receipt.entity';

export interface StatusEventVerdict {
  outcome: ReceiptOutcome;
  reason?: string;
}

/**
 * Applies an agency's status report through the canonical state machine. Idempotent by event
 * id; a duplicate, stale or illegal report is recorded with why, and never applied.
 * The same use case serves the Kafka consumer, dead-letter replays and tests.
 */
@Injectable()
export class ApplyStatusEvent {
  private readonly logger = new Logger(ApplyStatusEvent.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly requests: ApplicationRequestLog,
    private readonly flow: FlowRecorder,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.judged = new Counter({
      name: 'mpp_gateway_status_events_total',
      help: 'Status events consumed from mpp.status, by what the gateway did with them.',
      labelNames: ['outcome'],
      registers: [registry],
    });
  }

  private readonly judged: Counter<'outcome'>;

  async execute(event: CloudEvent<StatusChangedMessage>): Promise<StatusEventVerdict> {
    const verdict = await this.db.transaction((tx) => this.apply(tx, event));
    this.judged.inc({ outcome: verdict.outcome });
    this.flow.record({
      hop: FlowHops.statusApplied,
      applicationId: event.data.applicationId,
      serviceCode: event.data.serviceCode,
      agency: isServiceCode(event.data.serviceCode)
        ? agencyOfServiceCode(event.data.serviceCode)
        : undefined,
      correlationId: event.correlationid,
      traceId: traceIdOf(event.traceparent),
      outcome: verdict.outcome,
      detail: { status: event.data.status, eventId: event.id, why: verdict.reason ?? null },
    });
    if (verdict.outcome !== ReceiptOutcome.APPLIED) {
      this.logger.log(
        `status event ${event.id} for ${event.data.applicationId} not applied: ${verdict.outcome}` +
          (verdict.reason ? ` (${verdict.reason})` : ''),
      );
    }
    return verdict;
  }

  private async apply(
    tx: EntityManager,
    event: CloudEvent<StatusChangedMessage>,
  ): Promise<StatusEventVerdict> {
    const report = event.data;
    const rows: { status: ApplicationStatus; agency: string }[] = await tx.query(
      `SELECT status, agency FROM application WHERE id = $1 FOR UPDATE`,
      [report.applicationId],
    );
    let verdict: StatusEventVerdict;
    if (rows.length === 0) {
      verdict = { outcome: ReceiptOutcome.UNKNOWN_APPLICATION };
    } else if (await this.alreadyApplied(tx, event.id)) {
      verdict = { outcome: ReceiptOutcome.DUPLICATE, reason: 'event id already applied' };
    } else {
      const judged = StatusMachine.judge(rows[0].status, report.status);
      if (judged.kind === 'apply') {
        await this.record(tx, event, rows[0]);
        await this.requests.settleAnsweredBy(tx, report.applicationId, report.status);
        verdict = { outcome: ReceiptOutcome.APPLIED };
      } else {
        verdict = {
          outcome: judged.kind === 'stale' ? ReceiptOutcome.STALE : ReceiptOutcome.ILLEGAL,
          reason: judged.reason,
        };
      }
    }
    await tx.query(
      `INSERT INTO status_event_receipt (event_id, application_id, status, outcome, reason, source, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, now())`,
      [
        event.id,
        report.applicationId,
        report.status,
        verdict.outcome,
        verdict.reason ?? null,
        event.source,
      ],
    );
    return verdict;
  }

  private async alreadyApplied(tx: EntityManager, eventId: string): Promise<boolean> {
    const found: unknown[] = await tx.query(
      `SELECT 1 FROM status_event_receipt WHERE event_id = $1 AND outcome = 'APPLIED'`,
      [eventId],
    );
    return found.length > 0;
  }

  private async record(
    tx: EntityManager,
    event: CloudEvent<StatusChangedMessage>,
    current: { status: ApplicationStatus; agency: string },
  ): Promise<void> {
    const report = event.data;
    const occurredAt = new Date(report.occurredAt);
    await tx.query(
      `UPDATE application
          SET status = $2,
              agency_reference = COALESCE($3, agency_reference),
              result = COALESCE($4, result),
              updated_at = now()
        WHERE id = $1`,
      [report.applicationId, report.status, report.agencyReference ?? null, report.result ?? null],
    );
    await tx.query(
      `INSERT INTO application_status_change
         (application_id, status, reason, agency_reference, event_id, source, occurred_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, now())`,
      [
        report.applicationId,
        report.status,
        report.reason ?? null,
        report.agencyReference ?? null,
        event.id,
        event.source,
        occurredAt,
      ],
    );
    await appendAuditRecord(tx, {
      actor: AuditActors.agency(current.agency),
      action: AuditActions.statusApplied,
      subject: AuditSubjects.application(report.applicationId),
      detail: {
        status: report.status,
        previousStatus: current.status,
        eventId: event.id,
        ...(report.agencyReference ? { agencyReference: report.agencyReference } : {}),
      },
    });
    await queueStatusWebhook(tx, {
      applicationId: report.applicationId,
      status: report.status,
      reason: report.reason,
      occurredAt: occurredAt.toISOString(),
    });
  }
}
