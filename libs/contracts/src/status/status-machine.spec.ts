import { APPLICATION_STATUSES, ApplicationStatus as S } from './application-status';
import { StatusMachine } from './status-machine';

describe('StatusMachine', () => {
  it('walks the main line from submission to completion', () => {
    const line = [S.SUBMITTED, S.DELIVERED, S.IN_PROCESS, S.APPROVED, S.COMPLETED];
    for (let i = 0; i < line.length - 1; i++) {
      expect(StatusMachine.judge(line[i], line[i + 1])).toEqual({ kind: 'apply' });
    }
  });

  it('returns a revision to processing when the applicant resubmits', () => {
    expect(StatusMachine.canTransition(S.IN_PROCESS, S.NEEDS_REVISION)).toBe(true);
    expect(StatusMachine.canTransition(S.NEEDS_REVISION, S.IN_PROCESS)).toBe(true);
  });

  it('never moves an application backwards: older news is stale', () => {
    expect(StatusMachine.judge(S.IN_PROCESS, S.DELIVERED).kind).toBe('stale');
    expect(StatusMachine.judge(S.COMPLETED, S.APPROVED).kind).toBe('stale');
    expect(StatusMachine.judge(S.APPROVED, S.IN_PROCESS).kind).toBe('stale');
    expect(StatusMachine.judge(S.DELIVERED, S.DELIVERED).kind).toBe('stale');
  });

  it('refuses skipping a decision: completion needs approval first', () => {
    expect(StatusMachine.judge(S.IN_PROCESS, S.COMPLETED).kind).toBe('illegal');
    expect(StatusMachine.judge(S.SUBMITTED, S.APPROVED).kind).toBe('illegal');
  });

  it('lets nothing follow a final status', () => {
    for (const final of [S.COMPLETED, S.REJECTED, S.CANCELLED]) {
      expect(StatusMachine.isFinal(final)).toBe(true);
      for (const next of APPLICATION_STATUSES) {
        expect(StatusMachine.judge(final, next).kind).not.toBe('apply');
      }
    }
  });

  it('allows cancellation only before the agency decides', () => {
    for (const before of [S.SUBMITTED, S.DELIVERED, S.IN_PROCESS, S.NEEDS_REVISION]) {
      expect(StatusMachine.canTransition(before, S.CANCELLED)).toBe(true);
    }
    expect(StatusMachine.canTransition(S.APPROVED, S.CANCELLED)).toBe(false);
  });

  it('lets an operator re-drive a failed application', () => {
    expect(StatusMachine.canTransition(S.SUBMITTED, S.FAILED)).toBe(true);
    expect(StatusMachine.canTransition(S.FAILED, S.DELIVERED)).toBe(true);
    expect(StatusMachine.canTransition(S.FAILED, S.COMPLETED)).toBe(false);
  });
});
