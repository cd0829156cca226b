import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { FINAL_STATUSES, type ApplicationStatus } from '@mpp/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { stepsToward, toCanonicalStatus } from '../civil-registry/civil-registry-status.mapper';
import { LegacyCivilRegistryClient } from '../civil-registry/legacy-civil-registry.client';
import type { AdapterConfig } from '../config/adapter.config';
import { StatusEmitter } from './status-emitter';

interface DueSubmission {
  application_id: string;
  service_code: string;
  agency_reference: string;
  last_emitted_status: ApplicationStatus;
  correlation_id: string | null;
  traceparent: string | null;
}

const BATCH = 50;

/**
 * The civil registry does not push progress, so the adapter asks (CekStatus) for every
 * registered application that is not final yet. Rows are claimed with SKIP LOCKED, so several
 * adapter instances poll without asking twice.
 */
@Injectable()
export class CivilRegistryStatusPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CivilRegistryStatusPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: LegacyCivilRegistryClient,
    private readonly emitter: StatusEmitter,
    private readonly config: ConfigService<AdapterConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    const interval = this.config.get('STATUS_POLL_INTERVAL_MS', { infer: true });
    this.timer = setInterval(() => {
      this.running ??= this.pollOnce()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.warn(`status poll failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, interval);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** Polls every due application once; returns how many were polled. */
  async pollOnce(): Promise<number> {
    const interval = this.config.get('STATUS_POLL_INTERVAL_MS', { infer: true });
    return this.db.transaction(async (tx) => {
      const due: DueSubmission[] = await tx.query(
        `SELECT application_id, service_code, agency_reference, last_emitted_status, correlation_id, traceparent
           FROM legacy_submission
          WHERE state = 'SUBMITTED' AND next_poll_at <= now()
          ORDER BY next_poll_at
          LIMIT $1
          FOR UPDATE SKIP LOCKED`,
        [BATCH],
      );
      for (const submission of due) await this.poll(tx, submission, interval);
      return due.length;
    });
  }

  private async poll(
    tx: EntityManager,
    submission: DueSubmission,
    interval: number,
  ): Promise<void> {
    let reached = submission.last_emitted_status;
    try {
      const report = await this.registry.status(submission.agency_reference, {
        traceparent: submission.traceparent ?? undefined,
      });
      const target = toCanonicalStatus(report.status);
      if (!target) {
        this.logger.warn(
          `unknown civil registry status ${report.status} for ${submission.application_id}`,
        );
      } else {
        const steps = stepsToward(submission.last_emitted_status, target);
        if (steps.length > 0) {
          await this.emitter.emit(
            steps.map((status) => ({
              applicationId: submission.application_id,
              serviceCode: submission.service_code,
              status,
              agencyReference: submission.agency_reference,
              reason: status === target ? report.remark : undefined,
              result:
                status === 'COMPLETED' && report.documentNumber
                  ? { documentNumber: report.documentNumber }
                  : undefined,
              correlationId: submission.correlation_id,
              traceparent: submission.traceparent,
            })),
          );
          reached = steps[steps.length - 1];
        }
      }
    } catch (error) {
      this.logger.warn(`CekStatus failed for ${submission.application_id}: ${String(error)}`);
    }
    const final = FINAL_STATUSES.includes(reached);
    await tx.query(
      `UPDATE legacy_submission
          SET last_emitted_status = $2,
              next_poll_at = CASE WHEN $3 THEN NULL ELSE now() + make_interval(secs => $4::double precision / 1000) END,
              updated_at = now()
        WHERE application_id = $1`,
      [submission.application_id, reached, final, interval],
    );
  }
}
