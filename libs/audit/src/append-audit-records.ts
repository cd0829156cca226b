import type { EntityManager } from 'typeorm';
import type { AuditEntry } from './audit-entry';

/**
 * Appends records to the audit log in the caller's transaction, so they exist exactly when the
 * change they describe does. They are written unchained; `AuditSealer` chains them after the
 * commit, which keeps concurrent transactions from queueing behind the end of the chain.
 */
export async function appendAuditRecords(db: EntityManager, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const now = new Date();
  await db.query(
    `INSERT INTO audit_record (at, actor, action, subject, detail)
     SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::jsonb[])`,
    [
      entries.map((entry) => entry.at ?? now),
      entries.map((entry) => entry.actor),
      entries.map((entry) => entry.action),
      entries.map((entry) => entry.subject),
      entries.map((entry) => JSON.stringify(entry.detail)),
    ],
  );
}

export function appendAuditRecord(db: EntityManager, entry: AuditEntry): Promise<void> {
  return appendAuditRecords(db, [entry]);
}
