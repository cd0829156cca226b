import { ApplicationStatus } from '@mpp/contracts';
import type { Interval } from '@mpp/working-time';

/** What the performance reports know of one application, from the gateway's own records. */
export interface ApplicationTimeline {
  id: string;
  trackingNumber: string;
  agency: string;
  serviceCode: string;
  status: ApplicationStatus;
  submittedAt: Date;
  /** Status changes in the order they were applied, at the time the agency reported them. */
  changes: { status: ApplicationStatus; at: Date }[];
  /** When the applicant sent corrections. */
  resubmittedAt: Date[];
}

/**
 * The time the application waited on the applicant, which does not count against the agency:
 * from each NEEDS_REVISION until the applicant's corrections or, without them, the next status
 * (a rejection or cancellation, say); a revision still open runs until `until`.
 */
export function waitingOnApplicant(timeline: ApplicationTimeline, until: Date): Interval[] {
  const waits: Interval[] = [];
  timeline.changes.forEach((change, index) => {
    if (change.status !== ApplicationStatus.NEEDS_REVISION) return;
    const nextStatus = timeline.changes[index + 1]?.at ?? until;
    const corrections = timeline.resubmittedAt.find((at) => at >= change.at);
    const end = corrections && corrections < nextStatus ? corrections : nextStatus;
    waits.push({ start: change.at, end });
  });
  return waits;
}
