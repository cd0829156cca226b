import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, lastValueFrom, mergeMap, toArray } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import { LEGACY_CONNECTOR, type LegacyConnector } from '../legacy/legacy-connector';
import { LegacyThrottled } from '../legacy/legacy-errors';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';
import { StatusReporter } from './status-reporter';

interface DueSubmission {
  application_id: string;
  service_code: string;
  revision: number;
  agency_reference: string;
  correlation_id: string | null;
  traceparent: string | null;
}

/**
 * Rows one pass claims, in checks at once: small passes, one after the other, keep the checks in
 * flight close to the allowed number instead of waiting on the slowest of a large batch.
 */
const PASS_SIZE_IN_CHECKS = 2;
/** How long a pass holds its rows at least: long enough for its slow checks to finish. */
const MIN_LEASE_MS = 30000;

/**
 * For legacy systems that do not push progress: asks for the status of every submitted
 * application that is not final yet, once per poll interval, several at a time
 * (STATUS_POLL_CONCURRENCY). A poll runs passes one after the other while applications are due,
 * then waits for the next interval. Each pass leases its rows by moving their next poll time
 * past its end, so several adapter instances never ask twice; each check then sets its row's
 * next poll time from when it was answered.
 */
@Injectable()
export class StatusPoller implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StatusPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(LEGACY_CONNECTOR) private readonly connector: LegacyConnector,
    @Inject(ADAPTER_RUNTIME_CONFIG) private readonly config: AdapterRuntimeConfig,
    private readonly guard: LegacySystemGuard,
    private readonly reporter: StatusReporter,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.connector.checkStatus) return;
    this.timer = setInterval(() => {
      this.running ??= this.pollWhileDue()
        .catch((error: unknown) => this.logger.warn(`status poll failed: ${String(error)}`))
        .finally(() => (this.running = undefined));
    }, this.config.statusPollIntervalMs);
  }

  /** At the first shutdown step: no poll starts while the consumer and the database close. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Runs passes until none finds a due application; returns how many were checked. */
  async pollWhileDue(): Promise<number> {
    let checked = 0;
    while (!this.stopped) {
      const found = await this.pollOnce();
      if (found === 0) break;
      checked += found;
    }
    return checked;
  }

  /** One pass: checks the applications due first, unless the circuit is open; returns how many. */
  async pollOnce(): Promise<number> {
    const checkStatus = this.connector.checkStatus?.bind(this.connector);
    if (!checkStatus || !this.guard.isClosed()) return 0;
    // An UPDATE … RETURNING answers [rows, affected count].
    const [due] = await this.db.query<[DueSubmission[], number]>(
      `UPDATE adapter_submission
          SET next_poll_at = now() + make_interval(secs => $2::double precision / 1000)
        WHERE application_id IN (
          SELECT application_id FROM adapter_submission
           WHERE next_poll_at <= now() AND agency_reference IS NOT NULL
           ORDER BY next_poll_at
           LIMIT $1
           FOR UPDATE SKIP LOCKED)
        RETURNING application_id, service_code, revision, agency_reference, correlation_id, traceparent`,
      [
        this.config.statusPollConcurrency * PASS_SIZE_IN_CHECKS,
        Math.max(this.config.statusPollIntervalMs, MIN_LEASE_MS),
      ],
    );
    await lastValueFrom(
      from(due).pipe(
        mergeMap(
          (submission) => this.check(checkStatus, submission),
          this.config.statusPollConcurrency,
        ),
        toArray(),
      ),
    );
    return due.length;
  }

  private async check(
    checkStatus: NonNullable<LegacyConnector['checkStatus']>,
    submission: DueSubmission,
  ): Promise<void> {
    try {
      const call = {
        applicationId: submission.application_id,
        serviceCode: submission.service_code,
        correlationId: submission.correlation_id ?? undefined,
        traceparent: submission.traceparent ?? undefined,
      };
      const report = await this.guard.call('checkStatus', call, () =>
        checkStatus(submission.agency_reference, call),
      );
      await this.reporter.report({
        applicationId: submission.application_id,
        asOfRevision: submission.revision,
        ...report,
      });
      await this.recordCheck(submission.application_id, true);
    } catch (error) {
      if (error instanceof LegacyThrottled) {
        await this.checkAgainAfter(submission.application_id, error.retryAfterMs);
        return;
      }
      const failures = await this.recordCheck(submission.application_id, false);
      this.logger.warn(
        `status check of ${submission.application_id} failed (${failures} in a row): ${String(error)}`,
      );
    }
  }

  /** A throttled check is asked again when the system said, without counting as a failure. */
  private async checkAgainAfter(
    applicationId: string,
    retryAfterMs = this.config.statusPollIntervalMs,
  ): Promise<void> {
    await this.db.query(
      `UPDATE adapter_submission
          SET next_poll_at = now() + make_interval(secs => $2::double precision / 1000)
        WHERE application_id = $1 AND next_poll_at IS NOT NULL`,
      [applicationId, retryAfterMs],
    );
  }

  /**
   * A status check that keeps failing (the legacy system lost the reference, or answers
   * nonsense) is asked less and less often, up to hourly, instead of flooding the logs.
   */
  private async recordCheck(applicationId: string, succeeded: boolean): Promise<number> {
    const [rows] = await this.db.query<[{ poll_failures: number }[], number]>(
      `UPDATE adapter_submission
          SET poll_failures = CASE WHEN $2 THEN 0 ELSE poll_failures + 1 END,
              next_poll_at = CASE WHEN next_poll_at IS NULL THEN NULL
                WHEN $2 THEN now() + make_interval(secs => $3::double precision / 1000)
                ELSE now() + make_interval(secs => LEAST($3::double precision / 1000 * 2 ^ (poll_failures + 1), 3600)) END
        WHERE application_id = $1
        RETURNING poll_failures`,
      [applicationId, succeeded, this.config.statusPollIntervalMs],
    );
    return rows[0]?.poll_failures ?? 0;
  }
}
