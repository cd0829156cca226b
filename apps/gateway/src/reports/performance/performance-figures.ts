import { APPLICATION_STATUSES, ApplicationStatus, StatusMachine } from '@mpp/contracts';
import {
  HOUR_MS,
  standardDurationMs,
  type StandardTime,
  type WorkingCalendar,
} from '@mpp/working-time';
import { waitingOnApplicant, type ApplicationTimeline } from './application-timeline';
import { percentile } from './percentile';

export const OPEN_STATUSES = APPLICATION_STATUSES.filter(
  (status) => !StatusMachine.isFinal(status),
);

/** An application whose final status fell in the reporting period. */
export interface FinishedApplication {
  timeline: ApplicationTimeline;
  finalStatus: ApplicationStatus;
  finishedAt: Date;
}

export interface FinishedAssessment {
  agency: string;
  serviceCode: string;
  finalStatus: ApplicationStatus;
  /** Working time from submission to the final status, as the applicant lived it. */
  turnaroundMs: number;
  /** The same, less the time waiting on the applicant: the agency's clock. */
  agencyMs: number;
  /** Whether the agency's clock stayed within the service standard; null without a standard. */
  withinStandard: boolean | null;
}

export interface OverdueApplication {
  id: string;
  trackingNumber: string;
  serviceCode: string;
  status: ApplicationStatus;
  submittedAt: string;
  dueAt: string;
  /** Working hours of the agency's clock past the due time. */
  overdueHours: number;
}

export interface OpenAssessment {
  agency: string;
  serviceCode: string;
  status: ApplicationStatus;
  overdue: OverdueApplication | null;
}

export function assessFinished(
  { timeline, finalStatus, finishedAt }: FinishedApplication,
  calendar: WorkingCalendar,
  standard: StandardTime | undefined,
): FinishedAssessment {
  const waits = waitingOnApplicant(timeline, finishedAt);
  const agencyMs = calendar.workingTimeBetween(timeline.submittedAt, finishedAt, waits);
  return {
    agency: timeline.agency,
    serviceCode: timeline.serviceCode,
    finalStatus,
    turnaroundMs: calendar.workingTimeBetween(timeline.submittedAt, finishedAt),
    agencyMs,
    withinStandard: standard ? agencyMs <= standardDurationMs(standard) : null,
  };
}

/**
 * Where an unfinished application stands at `now`: overdue once the agency's clock has run
 * past the service standard. Its due time is when the clock ran out; an application waiting on
 * the applicant has its clock stopped, so it only becomes overdue if it was already.
 */
export function assessOpen(
  timeline: ApplicationTimeline,
  calendar: WorkingCalendar,
  standard: StandardTime | undefined,
  now: Date,
): OpenAssessment {
  const standing = {
    agency: timeline.agency,
    serviceCode: timeline.serviceCode,
    status: timeline.status,
  };
  if (!standard) return { ...standing, overdue: null };
  const waits = waitingOnApplicant(timeline, now);
  const dueAt = calendar.dueTime(timeline.submittedAt, standard, waits);
  if (dueAt >= now) return { ...standing, overdue: null };
  return {
    ...standing,
    overdue: {
      id: timeline.id,
      trackingNumber: timeline.trackingNumber,
      serviceCode: timeline.serviceCode,
      status: timeline.status,
      submittedAt: timeline.submittedAt.toISOString(),
      dueAt: dueAt.toISOString(),
      overdueHours: hours(calendar.workingTimeBetween(dueAt, now, waits)),
    },
  };
}

export interface PerformanceFigures {
  /** Applications that reached each status within the period. */
  reached: Record<ApplicationStatus, number>;
  /** Applications whose final status fell within the period. */
  finished: {
    total: number;
    completed: number;
    rejected: number;
    cancelled: number;
    completionRate: number | null;
    rejectionRate: number | null;
  };
  /** Over the completed and rejected ones: a cancellation is the applicant's doing. */
  turnaroundHours: { median: number | null; p90: number | null };
  agencyHours: { median: number | null; p90: number | null };
  sla: {
    /** Completed and rejected applications whose service has a standard in the catalog. */
    measured: number;
    met: number;
    compliance: number | null;
    withoutStandard: number;
  };
  /** Unfinished applications now. */
  backlog: { total: number; byStatus: Record<string, number> };
  overdue: number;
  /** Share of time the agency's legacy system was reachable; null until flow records exist. */
  legacyAvailability: number | null;
}

export function performanceFigures(
  reached: ReadonlyMap<ApplicationStatus, number>,
  finished: readonly FinishedAssessment[],
  open: readonly OpenAssessment[],
): PerformanceFigures {
  const count = (status: ApplicationStatus) =>
    finished.filter((outcome) => outcome.finalStatus === status).length;
  const decided = finished.filter((outcome) => outcome.finalStatus !== ApplicationStatus.CANCELLED);
  const measured = decided.filter((outcome) => outcome.withinStandard !== null);
  const met = measured.filter((outcome) => outcome.withinStandard).length;
  return {
    reached: Object.fromEntries(
      APPLICATION_STATUSES.map((status) => [status, reached.get(status) ?? 0]),
    ) as Record<ApplicationStatus, number>,
    finished: {
      total: finished.length,
      completed: count(ApplicationStatus.COMPLETED),
      rejected: count(ApplicationStatus.REJECTED),
      cancelled: count(ApplicationStatus.CANCELLED),
      completionRate: share(count(ApplicationStatus.COMPLETED), finished.length),
      rejectionRate: share(count(ApplicationStatus.REJECTED), finished.length),
    },
    turnaroundHours: distribution(decided.map((outcome) => outcome.turnaroundMs)),
    agencyHours: distribution(decided.map((outcome) => outcome.agencyMs)),
    sla: {
      measured: measured.length,
      met,
      compliance: share(met, measured.length),
      withoutStandard: decided.length - measured.length,
    },
    backlog: {
      total: open.length,
      byStatus: Object.fromEntries(
        OPEN_STATUSES.map((status) => [status, open.filter((a) => a.status === status).length]),
      ),
    },
    overdue: open.filter((assessment) => assessment.overdue).length,
    legacyAvailability: null,
  };
}

function distribution(durationsMs: number[]) {
  const median = percentile(durationsMs, 50);
  const p90 = percentile(durationsMs, 90);
  return { median: median === null ? null : hours(median), p90: p90 === null ? null : hours(p90) };
}

function hours(ms: number): number {
  return Math.round((ms / HOUR_MS) * 100) / 100;
}

function share(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}
