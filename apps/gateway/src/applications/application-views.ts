import type { ApplicationStatus } from '@mpp/contracts';
import type { ApplicationWithHistory } from './application-reader';
import type {
  ApplicationRequestEntity,
  ApplicationRequestKind,
} from './application-request.entity';
import type { ApplicationStatusChangeEntity } from './application-status-change.entity';

export interface StatusStep {
  status: ApplicationStatus;
  at: string;
  reason?: string;
  agencyReference?: string;
  source: string;
}

/** A resubmission or cancellation the applicant sent, in the timeline between status steps. */
export interface RequestStep {
  request: ApplicationRequestKind;
  at: string;
  revision?: number;
  reason?: string;
  source: 'applicant';
}

export type TimelineStep = StatusStep | RequestStep;

function statusStep(change: ApplicationStatusChangeEntity): StatusStep {
  return {
    status: change.status,
    at: change.occurredAt.toISOString(),
    ...(change.reason ? { reason: change.reason } : {}),
    ...(change.agencyReference ? { agencyReference: change.agencyReference } : {}),
    source: change.source,
  };
}

function requestStep(request: ApplicationRequestEntity): RequestStep {
  return {
    request: request.kind,
    at: request.requestedAt.toISOString(),
    ...(request.revision !== null ? { revision: request.revision } : {}),
    ...(request.reason ? { reason: request.reason } : {}),
    source: 'applicant',
  };
}

/**
 * Status steps in the order they were applied, with each request placed among them by when the
 * gateway received it.
 */
function timeline({ changes, requests }: ApplicationWithHistory): TimelineStep[] {
  const steps: TimelineStep[] = [];
  let next = 0;
  for (const change of changes) {
    while (next < requests.length && requests[next].requestedAt < change.recordedAt) {
      steps.push(requestStep(requests[next++]));
    }
    steps.push(statusStep(change));
  }
  return [...steps, ...requests.slice(next).map(requestStep)];
}

/** The whole application, for the client that submitted it. */
export function applicationView(found: ApplicationWithHistory) {
  const app = found.application;
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
    revision: app.revision,
    pendingRequests: found.requests.filter((request) => !request.settledAt).map(requestStep),
    agencyReference: app.agencyReference,
    result: app.result,
    submittedAt: app.submittedAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    timeline: timeline(found),
  };
}

export type ApplicationView = ReturnType<typeof applicationView>;

/** What a kiosk may show to anyone holding the tracking number: no personal data. */
export function trackingView({ application: app, changes }: ApplicationWithHistory) {
  return {
    trackingNumber: app.trackingNumber,
    serviceCode: app.serviceCode,
    status: app.status,
    submittedAt: app.submittedAt.toISOString(),
    updatedAt: app.updatedAt.toISOString(),
    timeline: changes.map(statusStep).map(({ status, at }) => ({ status, at })),
  };
}
