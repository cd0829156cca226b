import { AuditActors } from '@mpp/audit';

/** What the ops app's audit records say happened; see docs/security.md#audit-log. */
export const AuditActions = {
  deadLetterReplayed: 'dead-letter.replayed',
  deadLetterDiscarded: 'dead-letter.discarded',
  operatorCreated: 'operator.created',
  keyIssued: 'operator.key-issued',
  keyRevoked: 'operator.key-revoked',
} as const;

export const AuditSubjects = {
  deadLetter: (id: string) => `dead-letter:${id}`,
  operator: (id: string) => `operator:${id}`,
} as const;

/** Who acted, by the name the operator tables keep: an operator's, or `cli` for the host's shell. */
export function auditActorOf(by: string): string {
  return by === CLI_ACTOR ? CLI_ACTOR : AuditActors.operator(by);
}

/** Someone with a shell on the ops host, through `npm run ops:operator`. */
export const CLI_ACTOR = 'cli';
