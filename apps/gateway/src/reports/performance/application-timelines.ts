import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FINAL_STATUSES, type ApplicationStatus } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import { ApplicationRequestKind } from '../../applications/application-request.entity';
import type { ReportPeriod } from '../report-period';
import { scopeParameters, type ReportScope } from '../report-scope';
import type { ApplicationTimeline } from './application-timeline';
import type { FinishedApplication } from './performance-figures';

export interface ReachedCount {
  agency: string;
  serviceCode: string;
  status: ApplicationStatus;
  applications: number;
}

interface ApplicationRow {
  id: string;
  tracking_number: string;
  agency: string;
  service_code: string;
  status: ApplicationStatus;
  submitted_at: Date;
}

const SCOPE = `($1::text IS NULL OR a.agency = $1) AND ($2::text IS NULL OR a.service_code = $2)`;

/** Reads applications and their status history for the performance reports. */
@Injectable()
export class ApplicationTimelines {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** How many applications reached each status within the period. */
  async reachedIn(scope: ReportScope, period: ReportPeriod): Promise<ReachedCount[]> {
    return this.db.query(
      `SELECT a.agency, a.service_code AS "serviceCode", c.status,
              count(DISTINCT c.application_id)::int AS applications
         FROM application_status_change c
         JOIN application a ON a.id = c.application_id
        WHERE ${SCOPE} AND c.occurred_at >= $3 AND c.occurred_at < $4
        GROUP BY a.agency, a.service_code, c.status`,
      [...scopeParameters(scope), period.start, period.end],
    );
  }

  /** Applications whose final status fell within the period. */
  async finishedIn(scope: ReportScope, period: ReportPeriod): Promise<FinishedApplication[]> {
    const rows: (ApplicationRow & { final_status: ApplicationStatus; finished_at: Date })[] =
      await this.db.query(
        `SELECT a.id, a.tracking_number, a.agency, a.service_code, a.status, a.submitted_at,
                f.status AS final_status, f.occurred_at AS finished_at
           FROM application a
           JOIN application_status_change f ON f.application_id = a.id
          WHERE ${SCOPE} AND f.status = ANY($3::text[])
            AND f.occurred_at >= $4 AND f.occurred_at < $5`,
        [...scopeParameters(scope), FINAL_STATUSES, period.start, period.end],
      );
    const timelines = await this.withHistory(rows);
    return rows.map((row, index) => ({
      timeline: timelines[index],
      finalStatus: row.final_status,
      finishedAt: row.finished_at,
    }));
  }

  /** Applications not finished yet. */
  async unfinished(scope: ReportScope): Promise<ApplicationTimeline[]> {
    const rows: ApplicationRow[] = await this.db.query(
      `SELECT a.id, a.tracking_number, a.agency, a.service_code, a.status, a.submitted_at
         FROM application a
        WHERE ${SCOPE} AND a.status <> ALL($3::text[])
        ORDER BY a.submitted_at`,
      [...scopeParameters(scope), FINAL_STATUSES],
    );
    return this.withHistory(rows);
  }

  private async withHistory(rows: ApplicationRow[]): Promise<ApplicationTimeline[]> {
    const ids = rows.map((row) => row.id);
    const changes: { application_id: string; status: ApplicationStatus; occurred_at: Date }[] =
      await this.db.query(
        `SELECT application_id, status, occurred_at FROM application_status_change
          WHERE application_id = ANY($1::uuid[]) ORDER BY application_id, id`,
        [ids],
      );
    const resubmissions: { application_id: string; requested_at: Date }[] = await this.db.query(
      `SELECT application_id, requested_at FROM application_request
        WHERE application_id = ANY($1::uuid[]) AND kind = $2 ORDER BY requested_at`,
      [ids, ApplicationRequestKind.RESUBMISSION],
    );
    const changesOf = groupedBy(changes, (change) => change.application_id);
    const resubmissionsOf = groupedBy(resubmissions, (request) => request.application_id);
    return rows.map((row) => ({
      id: row.id,
      trackingNumber: row.tracking_number,
      agency: row.agency,
      serviceCode: row.service_code,
      status: row.status,
      submittedAt: row.submitted_at,
      changes: (changesOf.get(row.id) ?? []).map((c) => ({ status: c.status, at: c.occurred_at })),
      resubmittedAt: (resubmissionsOf.get(row.id) ?? []).map((request) => request.requested_at),
    }));
  }
}

function groupedBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
