import { AmendmentRefused, cancelCase, reviseCase } from './case-amendment';
import { type CaseRecord, openCase } from './case-record';
import { processingRoute } from './processing-route';
import type { StatusModel } from './status-model';

type Status = 'NEW' | 'FIX' | 'CHECKING' | 'DONE' | 'CANCELLED';

const NEEDS_REVISION = processingRoute<Status>(2, ['NEW', 0], ['FIX', 1]);

const MODEL: StatusModel<Status> = {
  routes: { approve: NEEDS_REVISION, revise: NEEDS_REVISION, reject: NEEDS_REVISION },
  resumedRoute: processingRoute<Status>(2, ['CHECKING', 1], ['DONE', 2]),
  awaitingRevision: 'FIX',
  cancellable: ['NEW', 'FIX'],
  cancelled: 'CANCELLED',
  keterangan: {
    NEW: 'new',
    FIX: 'fix',
    CHECKING: 'checking',
    DONE: 'done',
    CANCELLED: 'cancelled',
  },
  documentIssuedIn: ['DONE'],
};
const START = new Date('2025-03-03T01:00:00.000Z');
const later = (ms: number) => new Date(START.getTime() + ms);

function needingRevision(): CaseRecord<Status, 'X'> {
  return openCase({
    submission: {
      reference: 'app-1',
      service: 'X',
      nik: '2171010101909998',
      nama: 'Siti',
      data: { before: true },
      outcome: 'revise',
    },
    number: 'N-1',
    model: MODEL,
    processingMs: 1000,
    issuedDocument: 'DOC-1',
    receivedAt: START,
  });
}

function problemOf(amend: () => void): string {
  try {
    amend();
  } catch (error) {
    if (error instanceof AmendmentRefused) return error.problem;
    throw error;
  }
  return 'accepted';
}

describe('case amendments', () => {
  it('takes a revision while the case waits for one and keeps the revised data', () => {
    const record = needingRevision();
    expect(problemOf(() => reviseCase(record, { after: true }, later(100)))).toBe(
      'notAwaitingRevision',
    );
    expect(problemOf(() => reviseCase(record, ['x'], later(600)))).toBe('dataNotObject');
    expect(problemOf(() => reviseCase(record, { after: true }, later(600)))).toBe('accepted');
    expect(record.data).toEqual({ after: true });
    expect(record.progress.statusAt(later(600))).toBe('CHECKING');
  });

  it('cancels with a reason, again without effect, and not once decided', () => {
    const record = needingRevision();
    expect(problemOf(() => cancelCase(record, ' ', later(0)))).toBe('reasonMissing');
    expect(problemOf(() => cancelCase(record, 'salah layanan', later(0)))).toBe('accepted');
    expect(problemOf(() => cancelCase(record, 'salah layanan', later(10)))).toBe('accepted');
    expect(record.progress.statusAt(later(5000))).toBe('CANCELLED');

    const decided = needingRevision();
    reviseCase(decided, {}, later(600));
    expect(problemOf(() => cancelCase(decided, 'terlambat', later(5000)))).toBe('notCancellable');
  });
});
