import { CaseProgress } from './case-progress';
import { processingRoute } from './processing-route';
import type { StatusModel } from './status-model';

type Status = 'NEW' | 'CHECKING' | 'FIX' | 'APPROVED' | 'DONE' | 'REJECTED' | 'CANCELLED';

const NEEDS_REVISION = processingRoute<Status>(3, ['NEW', 0], ['CHECKING', 1], ['FIX', 2]);

const MODEL: StatusModel<Status> = {
  routes: {
    approve: processingRoute<Status>(2, ['NEW', 0], ['DONE', 2]),
    revise: NEEDS_REVISION,
    reject: processingRoute<Status>(2, ['NEW', 0], ['REJECTED', 1]),
  },
  resumedRoute: processingRoute<Status>(3, ['CHECKING', 1], ['APPROVED', 2], ['DONE', 3]),
  awaitingRevision: 'FIX',
  cancellable: ['NEW', 'CHECKING', 'FIX'],
  cancelled: 'CANCELLED',
  keterangan: {
    NEW: 'new',
    CHECKING: 'checking',
    FIX: 'fix',
    APPROVED: 'approved',
    DONE: 'done',
    REJECTED: 'rejected',
    CANCELLED: 'cancelled',
  },
  documentIssuedIn: ['DONE'],
};

const START = new Date('2025-03-03T01:00:00.000Z');

function at(ms: number): Date {
  return new Date(START.getTime() + ms);
}

describe('CaseProgress', () => {
  it('reaches each milestone after its share of the processing time', () => {
    const progress = new CaseProgress(MODEL, 'revise', 3000, START);
    expect(progress.statusAt(at(0))).toBe('NEW');
    expect(progress.statusAt(at(999))).toBe('NEW');
    expect(progress.statusAt(at(1000))).toBe('CHECKING');
    expect(progress.statusAt(at(2000))).toBe('FIX');
    expect(progress.statusAt(at(3_600_000))).toBe('FIX');
    expect(progress.nextChangeAfter(at(1500))).toEqual(at(2000));
    expect(progress.nextChangeAfter(at(2000))).toBeUndefined();
  });

  it('takes the route the outcome decides', () => {
    const after = (outcome: 'approve' | 'reject') =>
      new CaseProgress(MODEL, outcome, 3000, START).changesUntil(at(60_000));
    expect(after('approve')).toEqual([
      { status: 'NEW', at: at(0) },
      { status: 'DONE', at: at(3000) },
    ]);
    expect(after('reject').map((change) => change.status)).toEqual(['NEW', 'REJECTED']);
  });

  it('reaches the end of its route at once when processing takes no time', () => {
    const progress = new CaseProgress(MODEL, 'revise', 0, START);
    expect(progress.changesUntil(START).map((change) => change.status)).toEqual([
      'NEW',
      'CHECKING',
      'FIX',
    ]);
  });

  it('accepts a revision only while waiting for one, then resumes where the route continues', () => {
    const progress = new CaseProgress(MODEL, 'revise', 3000, START);
    expect(progress.revise(at(1500))).toBe(false);
    expect(progress.revise(at(2500))).toBe(true);
    expect(progress.statusAt(at(2500))).toBe('CHECKING');
    expect(progress.statusAt(at(3499))).toBe('CHECKING');
    expect(progress.statusAt(at(3500))).toBe('APPROVED');
    expect(progress.statusAt(at(4500))).toBe('DONE');
    expect(progress.revise(at(5000))).toBe(false);
    expect(progress.changesUntil(at(5000))).toEqual([
      { status: 'NEW', at: at(0) },
      { status: 'CHECKING', at: at(1000) },
      { status: 'FIX', at: at(2000) },
      { status: 'CHECKING', at: at(2500) },
      { status: 'APPROVED', at: at(3500) },
      { status: 'DONE', at: at(4500) },
    ]);
  });

  it('cancels from a cancellable status for good, dropping what was still to come', () => {
    const progress = new CaseProgress(MODEL, 'revise', 3000, START);
    expect(progress.cancel(at(1200))).toBe('cancelled');
    expect(progress.statusAt(at(60_000))).toBe('CANCELLED');
    expect(progress.nextChangeAfter(at(1200))).toBeUndefined();
    expect(progress.changesUntil(at(60_000)).map((change) => change.status)).toEqual([
      'NEW',
      'CHECKING',
      'CANCELLED',
    ]);
    expect(progress.cancel(at(70_000))).toBe('alreadyCancelled');
    expect(progress.revise(at(70_000))).toBe(false);
  });

  it('refuses to cancel once the case is past the cancellable statuses', () => {
    const progress = new CaseProgress(MODEL, 'revise', 3000, START);
    progress.revise(at(2000));
    expect(progress.cancel(at(4000))).toBe('notCancellable');
    expect(progress.statusAt(at(5000))).toBe('DONE');
  });
});
