import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicationStatus, ApplicationSubmitted } from '@mpp/contracts';
import { DataSource, QueryRunner } from 'typeorm';
import { SubmissionRecord, SubmissionState } from './submission-record';

export interface Provenance {
  correlationId?: string;
  traceparent?: string;
}

/** One application's ledger row, read and written while its lock is held. */
export class LockedSubmission {
  constructor(
    private readonly runner: QueryRunner,
    readonly applicationId: string,
  ) {}

  async load(): Promise<SubmissionRecord | null> {
    return this.runner.manager.findOne(SubmissionRecord, {
      where: { applicationId: this.applicationId },
    });
  }

  /** The row, created in `SUBMITTING` when this is the first delivery. */
  async claim(
    application: ApplicationSubmitted,
    provenance: Provenance,
  ): Promise<SubmissionRecord> {
    await this.runner.query(
      `INSERT INTO adapter_submission (application_id, service_code, state, correlation_id, traceparent)
       VALUES ($1, $2, 'SUBMITTING', $3, $4)
       ON CONFLICT (application_id) DO NOTHING`,
      [
        this.applicationId,
        application.serviceCode,
        provenance.correlationId ?? null,
        provenance.traceparent ?? null,
      ],
    );
    return (await this.load())!;
  }

  /** Counted before the call: after a crash or timeout, the next attempt looks before submitting. */
  async countAttempt(): Promise<void> {
    await this.update(`attempts = attempts + 1`);
  }

  async submitted(agencyReference: string): Promise<void> {
    await this.update(`state = 'SUBMITTED', agency_reference = $2`, [agencyReference]);
  }

  async refused(status: ApplicationStatus, reason: string): Promise<void> {
    await this.update(`state = 'REFUSED', refusal_status = $2, refusal_reason = $3`, [
      status,
      reason,
    ]);
  }

  async cancelled(serviceCode: string): Promise<void> {
    await this.runner.query(
      `INSERT INTO adapter_submission (application_id, service_code, state)
       VALUES ($1, $2, 'CANCELLED')
       ON CONFLICT (application_id) DO UPDATE SET state = 'CANCELLED', next_poll_at = NULL, updated_at = now()`,
      [this.applicationId, serviceCode],
    );
  }

  /**
   * Recorded before the legacy call, so news the legacy system sends while the call runs (a
   * callback) already belongs to the new revision; `revised` confirms it once the call returned.
   */
  async revising(revision: number): Promise<void> {
    await this.update(`revision = $2, revision_pending = true`, [revision]);
  }

  async revised(): Promise<void> {
    await this.update(`revision_pending = false`);
  }

  /** A refused-at-the-door application submitted again with corrections: a fresh start. */
  async restart(revision: number): Promise<void> {
    await this.update(
      `state = 'SUBMITTING', revision = $2, revision_pending = false, attempts = 0,
       refusal_status = NULL, refusal_reason = NULL`,
      [revision],
    );
  }

  private async update(assignments: string, parameters: unknown[] = []): Promise<void> {
    await this.runner.query(
      `UPDATE adapter_submission SET ${assignments}, updated_at = now() WHERE application_id = $1`,
      [this.applicationId, ...parameters],
    );
  }
}

/**
 * The ledger of submissions. Work on one application holds a per-application advisory lock, so
 * deliveries racing across instances (during a rebalance, or a replay beside a redelivery) run
 * one after the other and the second sees what the first did.
 */
@Injectable()
export class SubmissionLedger {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async underLock<T>(
    applicationId: string,
    work: (row: LockedSubmission) => Promise<T>,
  ): Promise<T> {
    const runner = this.db.createQueryRunner();
    await runner.connect();
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [applicationId]);
      try {
        return await work(new LockedSubmission(runner, applicationId));
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [applicationId]);
      }
    } finally {
      await runner.release();
    }
  }
}

export { SubmissionState };
