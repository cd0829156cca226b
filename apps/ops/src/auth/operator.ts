export const OperatorRoles = ['ops', 'admin'] as const;
/** `ops` reads, replays and discards; `admin` also manages operators. */
export type OperatorRole = (typeof OperatorRoles)[number];

export interface Operator {
  id: string;
  name: string;
  role: OperatorRole;
}

/** The operator behind a request, and how they proved it. */
export interface AuthenticatedOperator extends Operator {
  apiKeyId: string;
  via: 'api-key' | 'session';
}

export function roleGrants(role: OperatorRole, needed: OperatorRole): boolean {
  return role === 'admin' || role === needed;
}
