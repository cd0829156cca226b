import type { ApplicationStatus } from '@mpp/contracts';
import type { EntityManager } from 'typeorm';

export interface StatusStep {
  status: ApplicationStatus;
  at: Date;
}

/**
 * An application's status changes as applied, each at the moment the agency reported it. The
 * changes of one application arrive in order (one partition of mpp.status), so a change after a
 * moment proves that the history up to that moment is complete.
 */
export class StatusHistory {
  constructor(readonly steps: readonly StatusStep[]) {}

  static async of(db: Pick<EntityManager, 'query'>, applicationId: string): Promise<StatusHistory> {
    const rows: { status: ApplicationStatus; occurred_at: Date }[] = await db.query(
      `SELECT status, occurred_at FROM application_status_change
        WHERE application_id = $1 ORDER BY id`,
      [applicationId],
    );
    return new StatusHistory(rows.map((row) => ({ status: row.status, at: row.occurred_at })));
  }

  /** The status in force at a moment. */
  at(moment: Date): StatusStep | undefined {
    return this.steps.findLast((step) => step.at <= moment);
  }

  /** The first change after a moment. */
  after(moment: Date): StatusStep | undefined {
    return this.steps.find((step) => step.at > moment);
  }

  /** The last change to one of these statuses. */
  lastOf(statuses: readonly ApplicationStatus[]): StatusStep | undefined {
    return this.steps.findLast((step) => statuses.includes(step.status));
  }
}
