import type { ApplicationStatus } from '@mpp/contracts';
import type { ApplicationStatusChangeEntity } from './application-status-change.entity';
import type { ApplicationEntity } from './application.entity';

export interface TimelineStep {
  status: ApplicationStatus;
  at: string;
  reason?: string;
  agencyReference?: string;
  source: string;
}

function timeline(changes: ApplicationStatusChangeEntity[]): TimelineStep[] {
  return changes.map((change) => ({
    status: change.status,
    at: change.occurredAt.toISOString(),
    ...(change.reason ? { reason: change.reason } : {}),
    ...(change.agencyReference ? { agencyReference: change.agencyReference } : {}),
    source: change.source,
  }));
}

/** The whole application, for the client that submitted it. */
export function applicationView(app: ApplicationEntity, changes: ApplicationStatusChangeEntity[]) {
  return {
    id: app.id,
    trackingNumber: app.trackingNumber,
    serviceCode: app.serviceCode,
    agency: app.agency,
    clientId: app.clientId,
    applicant: app.applicant,
    data: app.data,
    documents: app.documents,
    status: app.status,
    agencyReference: app.agencyReference,
    result: app.result,
    submittedAt: app.submittedAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    timeline: timeline(changes),
  };
}

/** What a kiosk may show to anyone holding the tracking number: no personal data. */
export function trackingView(app: ApplicationEntity, changes: ApplicationStatusChangeEntity[]) {
  return {
    trackingNumber: app.trackingNumber,
    serviceCode: app.serviceCode,
    status: app.status,
    submittedAt: app.submittedAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    timeline: timeline(changes).map(({ status, at }) => ({ status, at })),
  };
}
