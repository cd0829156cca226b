import { ApplicationStatus } from '@mpp/contracts';
import { loadWorkingCalendar, type StandardTime } from '@mpp/working-time';
import { timelineOf, wib } from './application-timeline.fixtures';
import {
  assessFinished,
  assessOpen,
  performanceFigures,
  type FinishedAssessment,
} from './performance-figures';

const S = ApplicationStatus;
const calendar = loadWorkingCalendar();
const ONE_DAY: StandardTime = { value: 1, unit: 'working_days' };

function finished(changes: [ApplicationStatus, string][], resubmitted: string[] = []) {
  const last = changes[changes.length - 1];
  return {
    timeline: timelineOf(changes, resubmitted),
    finalStatus: last[0],
    finishedAt: wib(last[1]),
  };
}

describe('assessFinished', () => {
  it('measures working time over a weekend', () => {
    const outcome = assessFinished(
      finished([
        [S.SUBMITTED, '2026-03-13T10:00'], // Friday
        [S.COMPLETED, '2026-03-16T09:00'], // Monday
      ]),
      calendar,
      ONE_DAY,
    );
    expect(outcome.turnaroundMs).toBe(7 * 3_600_000);
    expect(outcome.withinStandard).toBe(true);
  });

  it('does not count Nyepi, Idulfitri and their cuti bersama', () => {
    const outcome = assessFinished(
      finished([
        [S.SUBMITTED, '2026-03-17T14:00'],
        [S.COMPLETED, '2026-03-25T13:00'], // eight days later, seven working hours
      ]),
      calendar,
      ONE_DAY,
    );
    expect(outcome.turnaroundMs).toBe(7 * 3_600_000);
    expect(outcome.withinStandard).toBe(true);
  });

  it('stops the agency clock while waiting on the applicant; exactly the standard is within it', () => {
    const outcome = assessFinished(
      finished(
        [
          [S.SUBMITTED, '2026-03-09T08:00'],
          [S.NEEDS_REVISION, '2026-03-09T12:00'],
          [S.IN_PROCESS, '2026-03-11T09:00'],
          [S.COMPLETED, '2026-03-11T12:00'],
        ],
        ['2026-03-11T08:00'],
      ),
      calendar,
      ONE_DAY,
    );
    expect(outcome.turnaroundMs).toBe(20 * 3_600_000);
    expect(outcome.agencyMs).toBe(8 * 3_600_000);
    expect(outcome.withinStandard).toBe(true);
  });

  it('finds a decision a working hour past the standard late', () => {
    const outcome = assessFinished(
      finished([
        [S.SUBMITTED, '2026-03-09T08:00'],
        [S.REJECTED, '2026-03-10T09:00'],
      ]),
      calendar,
      ONE_DAY,
    );
    expect(outcome.withinStandard).toBe(false);
  });

  it('cannot judge a service without a standard', () => {
    const outcome = assessFinished(
      finished([
        [S.SUBMITTED, '2026-03-09T08:00'],
        [S.COMPLETED, '2026-03-09T09:00'],
      ]),
      calendar,
      undefined,
    );
    expect(outcome.withinStandard).toBeNull();
  });
});

describe('assessOpen', () => {
  it('is overdue once the standard ran out, with the due time and the working hours past it', () => {
    const standing = assessOpen(
      timelineOf([
        [S.SUBMITTED, '2026-03-02T09:00'],
        [S.IN_PROCESS, '2026-03-02T10:00'],
      ]),
      calendar,
      ONE_DAY,
      wib('2026-03-09T10:00'),
    );
    expect(standing.overdue).toEqual({
      id: 'app-2026-03-02T09:00',
      trackingNumber: 'K7QM-2XHD-9RW',
      serviceCode: 'uji.surat-keterangan',
      status: S.IN_PROCESS,
      submittedAt: wib('2026-03-02T09:00').toISOString(),
      dueAt: wib('2026-03-03T09:00').toISOString(),
      overdueHours: 7 + 3 * 8 + 2,
    });
  });

  it('is not overdue while its clock is stopped before the standard ran out', () => {
    const standing = assessOpen(
      timelineOf([
        [S.SUBMITTED, '2026-03-09T08:00'],
        [S.NEEDS_REVISION, '2026-03-09T10:00'],
      ]),
      calendar,
      ONE_DAY,
      wib('2026-03-11T10:00'),
    );
    expect(standing.overdue).toBeNull();
  });

  it('is not overdue within the standard, nor without one', () => {
    const fresh = timelineOf([[S.SUBMITTED, '2026-03-09T09:00']]);
    expect(assessOpen(fresh, calendar, ONE_DAY, wib('2026-03-09T10:00')).overdue).toBeNull();
    expect(assessOpen(fresh, calendar, undefined, wib('2026-04-09T10:00')).overdue).toBeNull();
  });
});

describe('performanceFigures', () => {
  const outcome = (
    finalStatus: ApplicationStatus,
    hours: number,
    withinStandard: boolean | null,
  ): FinishedAssessment => ({
    agency: 'uji',
    serviceCode: 'uji.surat-keterangan',
    finalStatus,
    turnaroundMs: hours * 3_600_000,
    agencyMs: (hours - 1) * 3_600_000,
    withinStandard,
  });

  it('adds up volumes, rates, turnaround, SLA compliance and backlog', () => {
    const figures = performanceFigures(
      new Map([
        [S.SUBMITTED, 6],
        [S.COMPLETED, 3],
      ]),
      [
        outcome(S.COMPLETED, 2, true),
        outcome(S.COMPLETED, 4, true),
        outcome(S.COMPLETED, 10, false),
        outcome(S.REJECTED, 8, null),
        outcome(S.CANCELLED, 100, null),
      ],
      [
        { agency: 'uji', serviceCode: 'uji.surat-keterangan', status: S.IN_PROCESS, overdue: null },
        {
          agency: 'uji',
          serviceCode: 'uji.surat-keterangan',
          status: S.NEEDS_REVISION,
          overdue: {} as never,
        },
      ],
    );
    expect(figures.reached).toMatchObject({ SUBMITTED: 6, COMPLETED: 3, REJECTED: 0 });
    expect(figures.finished).toEqual({
      total: 5,
      completed: 3,
      rejected: 1,
      cancelled: 1,
      completionRate: 0.6,
      rejectionRate: 0.2,
    });
    // Decided ones only (2, 4, 8, 10 hours): the cancellation is left out.
    expect(figures.turnaroundHours).toEqual({ median: 6, p90: 9.4 });
    expect(figures.agencyHours).toEqual({ median: 5, p90: 8.4 });
    expect(figures.sla).toEqual({ measured: 3, met: 2, compliance: 0.6667, withoutStandard: 1 });
    expect(figures.backlog.total).toBe(2);
    expect(figures.backlog.byStatus).toMatchObject({
      IN_PROCESS: 1,
      NEEDS_REVISION: 1,
      SUBMITTED: 0,
    });
    expect(figures.backlog.byStatus).not.toHaveProperty('COMPLETED');
    expect(figures.overdue).toBe(1);
    expect(figures.legacyAvailability).toBeNull();
  });

  it('has no rates or times without finished applications', () => {
    const figures = performanceFigures(new Map(), [], []);
    expect(figures.finished.completionRate).toBeNull();
    expect(figures.turnaroundHours).toEqual({ median: null, p90: null });
    expect(figures.sla.compliance).toBeNull();
  });
});
