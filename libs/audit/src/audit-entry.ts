/**
 * What a component says about a change. `detail` names ids, codes and statuses only: the log
 * is kept for years and read by auditors, so it never carries personal data.
 */
export interface AuditEntry {
  /** Who made the change; see `AuditActors`. */
  actor: string;
  /** What happened, `<thing>.<past-tense verb>`: `application.submitted`, `client.key-revoked`. */
  action: string;
  /** What it happened to, `<kind>:<id>`: `application:<uuid>`, `client:<id>`. */
  subject: string;
  detail: Record<string, unknown>;
  /** When the change happened; the time of the append when not given. */
  at?: Date;
}

/** A record as the chain holds it once sealed. */
export interface SealedAuditRecord {
  id: string;
  position: number;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

/** How actors are written, so that one actor reads the same in every record and app. */
export const AuditActors = {
  /** The component itself: a start-up step, a background job. */
  system: 'system',
  client: (clientId: string) => `client:${clientId}`,
  operator: (name: string) => `operator:${name}`,
  /** An agency, through the status reports of its adapter. */
  agency: (agency: string) => `agency:${agency}`,
} as const;
