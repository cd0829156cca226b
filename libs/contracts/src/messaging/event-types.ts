/** CloudEvents `type` values: reverse-DNS and versioned (DESIGN.md §3.1). */
const NAMESPACE = 'id.go.batam.mpp';

export const EventTypes = {
  applicationSubmitted: `${NAMESPACE}.application.submitted.v1`,
  applicationResubmitted: `${NAMESPACE}.application.resubmitted.v1`,
  applicationCancelled: `${NAMESPACE}.application.cancelled.v1`,
  statusChanged: `${NAMESPACE}.application.status-changed.v1`,
  serviceAnnounced: `${NAMESPACE}.registry.service-announced.v1`,
  adapterHeartbeat: `${NAMESPACE}.registry.adapter-heartbeat.v1`,
  flowRecorded: `${NAMESPACE}.flow.recorded.v1`,
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

/** CloudEvents `source` values of the components. */
export const EventSources = {
  gateway: '/mpp/gateway',
  ops: '/mpp/ops',
  adapter: (agency: string): string => `/mpp/adapters/${agency}`,
} as const;
