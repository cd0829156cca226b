import { setTimeout as delay } from 'node:timers/promises';
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, maskNik, type ApplicationSubmitted } from '@mpp/contracts';
import { DataSource, QueryRunner } from 'typeorm';
import {
  CivilRegistryRefusal,
  CivilRegistryUnavailable,
} from '../civil-registry/civil-registry-errors';
import { LegacyCivilRegistryClient } from '../civil-registry/legacy-civil-registry.client';
import type { AdapterConfig } from '../config/adapter.config';
import { legacyCodeOf } from '../services/civil-registry-services';
import { LegacySubmissionEntity, SubmissionState } from './legacy-submission.entity';
import { StatusEmitter } from './status-emitter';

/** Refusals that the applicant can fix; every other refusal is a rejection. */
const FIXABLE_REFUSALS = new Set(['Client.DataTidakLengkap']);

export interface SubmitCommand {
  application: ApplicationSubmitted;
  correlationId?: string;
  traceparent?: string;
}

/**
 * Hands an application to the civil registry exactly once in effect. A per-application advisory
 * lock serialises deliveries racing across instances; the ledger records each attempt before the
 * call, so after an ambiguous failure (a timeout) the next attempt asks the registry whether the
 * earlier one arrived instead of submitting again.
 */
@Injectable()
export class SubmitToCivilRegistry {
  private readonly logger = new Logger(SubmitToCivilRegistry.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly registry: LegacyCivilRegistryClient,
    private readonly emitter: StatusEmitter,
    private readonly config: ConfigService<AdapterConfig, true>,
  ) {}

  async execute(command: SubmitCommand): Promise<void> {
    const { application } = command;
    const legacyCode = legacyCodeOf(application.serviceCode);
    const runner = this.db.createQueryRunner();
    await runner.connect();
    let ledger: LegacySubmissionEntity;
    try {
      await runner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [
        application.applicationId,
      ]);
      try {
        ledger = await this.claim(runner, command);
        if (ledger.state === SubmissionState.SUBMITTING) {
          ledger = legacyCode
            ? await this.submitWithRetries(runner, ledger, command, legacyCode)
            : await this.refuse(
                runner,
                ledger,
                ApplicationStatus.REJECTED,
                'Layanan tidak dilayani adaptor ini',
              );
        }
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(hashtextextended($1, 0))`, [
          application.applicationId,
        ]);
      }
    } finally {
      await runner.release();
    }
    await this.reportOutcome(ledger);
  }

  private async claim(
    runner: QueryRunner,
    command: SubmitCommand,
  ): Promise<LegacySubmissionEntity> {
    await runner.query(
      `INSERT INTO legacy_submission (application_id, service_code, state, attempts, correlation_id,
         traceparent, created_at, updated_at)
       VALUES ($1, $2, 'SUBMITTING', 0, $3, $4, now(), now())
       ON CONFLICT (application_id) DO NOTHING`,
      [
        command.application.applicationId,
        command.application.serviceCode,
        command.correlationId ?? null,
        command.traceparent ?? null,
      ],
    );
    return this.load(runner, command.application.applicationId);
  }

  private async submitWithRetries(
    runner: QueryRunner,
    ledger: LegacySubmissionEntity,
    command: SubmitCommand,
    legacyCode: string,
  ): Promise<LegacySubmissionEntity> {
    const attempts = this.config.get('CIVIL_REGISTRY_ATTEMPTS', { infer: true });
    const baseDelay = this.config.get('CIVIL_REGISTRY_RETRY_BASE_MS', { infer: true });
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.submitOnce(runner, command, legacyCode);
      } catch (error) {
        if (error instanceof CivilRegistryRefusal) {
          const status = FIXABLE_REFUSALS.has(error.code)
            ? ApplicationStatus.NEEDS_REVISION
            : ApplicationStatus.REJECTED;
          return this.refuse(runner, ledger, status, error.reason);
        }
        if (!(error instanceof CivilRegistryUnavailable) || attempt >= attempts) throw error;
        this.logger.warn(
          `civil registry unavailable for ${command.application.applicationId} (attempt ${attempt}/${attempts}): ${error.message}`,
        );
        await delay(baseDelay * 2 ** (attempt - 1));
      }
    }
  }

  private async submitOnce(
    runner: QueryRunner,
    command: SubmitCommand,
    legacyCode: string,
  ): Promise<LegacySubmissionEntity> {
    const { application } = command;
    const current = await this.load(runner, application.applicationId);
    const options = { traceparent: command.traceparent };
    // An earlier attempt whose outcome is unknown may have registered it already.
    let reference =
      current.attempts > 0
        ? await this.registry.findBySenderReference(application.applicationId, options)
        : undefined;
    if (reference) {
      this.logger.log(`adopted earlier registration ${reference} for ${application.applicationId}`);
    } else {
      await runner.query(
        `UPDATE legacy_submission SET attempts = attempts + 1, updated_at = now() WHERE application_id = $1`,
        [application.applicationId],
      );
      reference = await this.registry.submit(
        {
          senderReference: application.applicationId,
          legacyServiceCode: legacyCode,
          nik: application.applicant.nik,
          name: application.applicant.name,
          data: application.data,
        },
        options,
      );
      this.logger.log(
        `registered ${application.applicationId} as ${reference} (NIK ${maskNik(application.applicant.nik)})`,
      );
    }
    await runner.query(
      `UPDATE legacy_submission SET state = 'SUBMITTED', agency_reference = $2, updated_at = now()
        WHERE application_id = $1`,
      [application.applicationId, reference],
    );
    return this.load(runner, application.applicationId);
  }

  private async refuse(
    runner: QueryRunner,
    ledger: LegacySubmissionEntity,
    status: ApplicationStatus,
    reason: string,
  ): Promise<LegacySubmissionEntity> {
    await runner.query(
      `UPDATE legacy_submission SET state = 'REFUSED', refusal_status = $2, refusal_reason = $3,
         updated_at = now() WHERE application_id = $1`,
      [ledger.applicationId, status, reason],
    );
    return this.load(runner, ledger.applicationId);
  }

  /** Emits what the ledger says, then records it; a crash in between only repeats an event id. */
  private async reportOutcome(ledger: LegacySubmissionEntity): Promise<void> {
    const base = {
      applicationId: ledger.applicationId,
      serviceCode: ledger.serviceCode,
      correlationId: ledger.correlationId,
      traceparent: ledger.traceparent,
    };
    if (ledger.state === SubmissionState.SUBMITTED && ledger.lastEmittedStatus === null) {
      await this.emitter.emit([
        {
          ...base,
          status: ApplicationStatus.DELIVERED,
          agencyReference: ledger.agencyReference ?? undefined,
        },
      ]);
      const interval = this.config.get('STATUS_POLL_INTERVAL_MS', { infer: true });
      await this.db.query(
        `UPDATE legacy_submission SET last_emitted_status = 'DELIVERED',
           next_poll_at = now() + make_interval(secs => $2::double precision / 1000), updated_at = now()
         WHERE application_id = $1 AND last_emitted_status IS NULL`,
        [ledger.applicationId, interval],
      );
    } else if (ledger.state === SubmissionState.REFUSED && ledger.lastEmittedStatus === null) {
      const status = ledger.refusalStatus ?? ApplicationStatus.REJECTED;
      await this.emitter.emit([{ ...base, status, reason: ledger.refusalReason ?? undefined }]);
      await this.db.query(
        `UPDATE legacy_submission SET last_emitted_status = $2, updated_at = now()
          WHERE application_id = $1 AND last_emitted_status IS NULL`,
        [ledger.applicationId, status],
      );
    }
  }

  private async load(runner: QueryRunner, applicationId: string): Promise<LegacySubmissionEntity> {
    const [ledger] = await runner.manager.find(LegacySubmissionEntity, {
      where: { applicationId },
    });
    return ledger;
  }
}
