import type { ApplicationStatus } from '@mpp/contracts';
import type { DataSource, EntityManager } from 'typeorm';
import { assertMayAccess, type RequestOrigin } from '../applications/request-origin';
import { Problems, type FieldError } from '../problems/problem';

/**
 * What became of one past record: stored now; stored by an earlier request; not yet possible
 * because the status history it depends on has not arrived on mpp.status yet; or never possible.
 */
export type PastRecordOutcome = 'recorded' | 'already-recorded' | 'not-yet' | 'refused';

export interface PastRecordResult {
  id: string;
  outcome: PastRecordOutcome;
  /** Why it is not yet possible or refused. */
  reason?: string;
}

/** Marks the status change of a seeded submission, as intake marks its own `gateway`. */
export const SEEDING_SOURCE = 'seeding';

/**
 * Records each of a request's records in order, in one transaction. History only: the whole
 * request is refused when any record's moment lies in the future.
 */
export async function recordInOrder<T, R>(
  db: DataSource,
  records: T[],
  momentOf: (record: T, index: number) => { field: string; at: string },
  record: (tx: EntityManager, record: T) => Promise<R>,
): Promise<R[]> {
  const now = new Date();
  const errors: FieldError[] = records
    .map(momentOf)
    .filter(({ at }) => new Date(at) > now)
    .map(({ field, at }) => ({ field, code: 'inThePast', message: `${at} is in the future` }));
  if (errors.length > 0) throw Problems.validation(errors);
  return db.transaction(async (tx) => {
    const results: R[] = [];
    for (const item of records) results.push(await record(tx, item));
    return results;
  });
}

export interface OwnApplication {
  client_id: string;
  service_code: string;
  status: ApplicationStatus;
  revision: number;
}

/** The application, locked for the transaction, if the caller may see it. */
export async function lockOwnApplication(
  tx: EntityManager,
  id: string,
  origin: RequestOrigin,
): Promise<OwnApplication> {
  const [application]: OwnApplication[] = await tx.query(
    `SELECT client_id, service_code, status, revision FROM application WHERE id = $1 FOR UPDATE`,
    [id],
  );
  if (!application) throw Problems.applicationNotFound();
  assertMayAccess(origin.client, { clientId: application.client_id });
  return application;
}
