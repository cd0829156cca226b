import { CaseProgress } from '../casework/case-progress';
import type { CaseOutcome } from '../casework/nik-serial';
import { PERMIT_STATUS_MODELS } from './permits-status-model';
import { type PermitKind, PermitStatus } from './permits.contract';

const START = new Date('2025-03-03T01:00:00.000Z');
const TOTAL = 4000;
const later = (ms: number) => new Date(START.getTime() + ms);

function progressOf(kind: PermitKind, outcome: CaseOutcome): CaseProgress<PermitStatus> {
  return new CaseProgress(PERMIT_STATUS_MODELS[kind], outcome, TOTAL, START);
}

describe('permit status models', () => {
  it.each([
    ['NIB', 'approve', [10, 57]],
    ['PBG', 'approve', [10, 20, 45, 52, 50]],
    ['NIB', 'revise', [10, 11]],
    ['PBG', 'revise', [10, 11]],
    ['NIB', 'reject', [10, 20, 90]],
    ['PBG', 'reject', [10, 20, 90]],
  ] as const)('%s (%s) goes through %j', (kind, outcome, codes) => {
    const changes = progressOf(kind, outcome).changesUntil(later(60_000));
    expect(changes.map((change) => change.status)).toEqual(codes);
  });

  it('spreads a PBG over the processing time', () => {
    const progress = progressOf('PBG', 'approve');
    expect([999, 1000, 2000, 3000, 4000].map((ms) => progress.statusAt(later(ms)))).toEqual([
      10, 20, 45, 52, 50,
    ]);
  });

  it.each(['NIB', 'PBG'] as const)(
    'takes a %s revision at 11 back to 20 and on to issue',
    (kind) => {
      const progress = progressOf(kind, 'revise');
      expect(progress.revise(later(TOTAL))).toBe(true);
      expect(progress.statusAt(later(TOTAL))).toBe(PermitStatus.underValidation);
      const final = progress.statusAt(later(2 * TOTAL));
      expect(PERMIT_STATUS_MODELS[kind].documentIssuedIn).toContain(final);
    },
  );

  it('can be cancelled up to awaiting payment, not once approved', () => {
    const cancelAfter = (ms: number) => progressOf('PBG', 'approve').cancel(later(ms));
    expect([0, 1000, 2000].map(cancelAfter)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(cancelAfter(3000)).toBe('notCancellable');
    expect(cancelAfter(4000)).toBe('notCancellable');
  });

  it('explains every status code', () => {
    for (const code of Object.values(PermitStatus)) {
      expect(PERMIT_STATUS_MODELS.PBG.keterangan[code]).not.toHaveLength(0);
    }
  });
});
