/** What the gateway's audit records say happened; see docs/security.md#audit-log. */
export const AuditActions = {
  applicationSubmitted: 'application.submitted',
  statusApplied: 'application.status-applied',
  resubmissionRequested: 'application.resubmission-requested',
  cancellationRequested: 'application.cancellation-requested',
  clientCreated: 'client.created',
  keyIssued: 'client.key-issued',
  keyRevoked: 'client.key-revoked',
  grantsReplaced: 'client.grants-replaced',
  webhookRegistered: 'client.webhook-registered',
  webhookRemoved: 'client.webhook-removed',
} as const;

export const AuditSubjects = {
  application: (id: string) => `application:${id}`,
  client: (id: string) => `client:${id}`,
} as const;
