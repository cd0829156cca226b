import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApplicationStatus, StatusMachine, statusPath } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import {
  LEGACY_CONNECTOR,
  type LegacyConnector,
  type LegacyStatusReport,
} from '../legacy/legacy-connector';
import { SubmissionRecord } from '../ledger/submission-record';
import { StatusEmitter } from './status-emitter';

/** What the agency system shows now, about one application named by either id. */
export type StatusNews = LegacyStatusReport &
  ({ applicationId: string; agencyReference?: string } | { agencyReference: string }) & {
    /**
     * The revision the news was asked about (a poll); news about an older revision is ignored,
     * so a check that raced a resubmission cannot send the application back to revision.
     */
    asOfRevision?: number;
    /**
     * The legacy system's own id of this news (a callback's event id): news seen before is
     * answered `duplicate` and changes nothing, however late it is repeated.
     */
    newsId?: string;
  };

export type ReportOutcome =
  | { kind: 'emitted'; statuses: ApplicationStatus[] }
  | { kind: 'unchanged' }
  | { kind: 'duplicate' }
  | { kind: 'unknown-application' };

/**
 * Turns what the agency system shows into canonical statuses on `mpp.status`: the legal steps
 * from the last reported status, each emitted once per revision. Polls, callbacks and message
 * handlers all report here; the ledger row lock keeps their reports in order.
 */
@Injectable()
export class StatusReporter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly emitter: StatusEmitter,
    @Inject(LEGACY_CONNECTOR) private readonly connector: LegacyConnector,
    @Inject(ADAPTER_RUNTIME_CONFIG) private readonly config: AdapterRuntimeConfig,
  ) {}

  async report(news: StatusNews): Promise<ReportOutcome> {
    return this.db.transaction(async (tx) => {
      const record = await tx
        .createQueryBuilder(SubmissionRecord, 's')
        .setLock('pessimistic_write')
        .where(
          'applicationId' in news ? 's.application_id = :id' : 's.agency_reference = :reference',
          'applicationId' in news
            ? { id: news.applicationId }
            : { reference: news.agencyReference },
        )
        .getOne();
      if (!record) return { kind: 'unknown-application' } as const;
      if (news.asOfRevision !== undefined && news.asOfRevision !== record.revision) {
        return { kind: 'unchanged' } as const;
      }
      if (news.newsId !== undefined) {
        const inserted: unknown[] = await tx.query(
          `INSERT INTO adapter_inbox (event_id, application_id, event_type, outcome)
           VALUES ($1, $2, 'legacy-news', $3) ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
          [`legacy-news:${news.newsId}`, record.applicationId, news.status],
        );
        if (inserted.length === 0) return { kind: 'duplicate' } as const;
      }
      const last = record.lastEmittedStatus ?? ApplicationStatus.SUBMITTED;
      const steps = statusPath(last, news.status);
      const reference = news.agencyReference ?? record.agencyReference;
      if (steps.length > 0) {
        await this.emitter.emit(
          steps.map((status) => ({
            agency: this.config.agency,
            applicationId: record.applicationId,
            serviceCode: record.serviceCode,
            revision: record.revision,
            status,
            agencyReference: reference,
            reason: status === news.status ? news.reason : undefined,
            result: status === news.status ? news.result : undefined,
            correlationId: record.correlationId,
            traceparent: record.traceparent,
          })),
        );
      }
      const reached = steps.at(-1) ?? last;
      const polled = this.connector.checkStatus !== undefined && !StatusMachine.isFinal(reached);
      await tx.query(
        `UPDATE adapter_submission
            SET last_emitted_status = $2,
                agency_reference = COALESCE(agency_reference, $3),
                next_poll_at = CASE WHEN $4 THEN COALESCE(next_poll_at, now() + make_interval(secs => $5::double precision / 1000)) END,
                updated_at = now()
          WHERE application_id = $1`,
        [record.applicationId, reached, reference, polled, this.config.statusPollIntervalMs],
      );
      return steps.length > 0 ? { kind: 'emitted', statuses: steps } : { kind: 'unchanged' };
    });
  }
}
