import { ApplicationStatus } from '@mpp/contracts';
import { waitingOnApplicant } from './application-timeline';
import { timelineOf, wib } from './application-timeline.fixtures';

const S = ApplicationStatus;

describe('waitingOnApplicant', () => {
  const until = wib('2026-03-20T10:00');

  it('is nothing for an application never sent back to the applicant', () => {
    const plain = timelineOf([
      [S.SUBMITTED, '2026-03-09T08:00'],
      [S.IN_PROCESS, '2026-03-09T09:00'],
      [S.COMPLETED, '2026-03-10T09:00'],
    ]);
    expect(waitingOnApplicant(plain, until)).toEqual([]);
  });

  it('runs from NEEDS_REVISION to the corrections, not to the agency taking them up', () => {
    const revised = timelineOf(
      [
        [S.SUBMITTED, '2026-03-09T08:00'],
        [S.NEEDS_REVISION, '2026-03-09T12:00'],
        [S.IN_PROCESS, '2026-03-11T09:00'],
        [S.COMPLETED, '2026-03-11T12:00'],
      ],
      ['2026-03-11T08:00'],
    );
    expect(waitingOnApplicant(revised, until)).toEqual([
      { start: wib('2026-03-09T12:00'), end: wib('2026-03-11T08:00') },
    ]);
  });

  it('runs to the next status when no corrections came', () => {
    const rejected = timelineOf([
      [S.SUBMITTED, '2026-03-09T08:00'],
      [S.NEEDS_REVISION, '2026-03-09T12:00'],
      [S.REJECTED, '2026-03-16T12:00'],
    ]);
    expect(waitingOnApplicant(rejected, until)).toEqual([
      { start: wib('2026-03-09T12:00'), end: wib('2026-03-16T12:00') },
    ]);
  });

  it('pairs each revision with the corrections that answered it', () => {
    const twice = timelineOf(
      [
        [S.SUBMITTED, '2026-03-09T08:00'],
        [S.NEEDS_REVISION, '2026-03-09T10:00'],
        [S.IN_PROCESS, '2026-03-10T09:00'],
        [S.NEEDS_REVISION, '2026-03-10T11:00'],
        [S.IN_PROCESS, '2026-03-12T09:00'],
      ],
      ['2026-03-10T08:00', '2026-03-12T08:30'],
    );
    expect(waitingOnApplicant(twice, until)).toEqual([
      { start: wib('2026-03-09T10:00'), end: wib('2026-03-10T08:00') },
      { start: wib('2026-03-10T11:00'), end: wib('2026-03-12T08:30') },
    ]);
  });

  it('runs until the given moment while the revision is still open', () => {
    const open = timelineOf([
      [S.SUBMITTED, '2026-03-09T08:00'],
      [S.NEEDS_REVISION, '2026-03-09T10:00'],
    ]);
    expect(waitingOnApplicant(open, until)).toEqual([
      { start: wib('2026-03-09T10:00'), end: until },
    ]);
  });
});
