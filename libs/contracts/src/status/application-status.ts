/** Canonical application status (DESIGN.md §3.3). */
export const ApplicationStatus = {
  SUBMITTED: 'SUBMITTED',
  DELIVERED: 'DELIVERED',
  IN_PROCESS: 'IN_PROCESS',
  NEEDS_REVISION: 'NEEDS_REVISION',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  COMPLETED: 'COMPLETED',
  CANCELLED: 'CANCELLED',
  FAILED: 'FAILED',
} as const;

export type ApplicationStatus = (typeof ApplicationStatus)[keyof typeof ApplicationStatus];

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = Object.values(ApplicationStatus);

export function isApplicationStatus(value: unknown): value is ApplicationStatus {
  return typeof value === 'string' && (APPLICATION_STATUSES as readonly string[]).includes(value);
}
