import { ApplicationStatus as S } from './application-status';
import { statusPath } from './status-path';

describe('statusPath', () => {
  it('fills in the main-line steps a poll missed', () => {
    expect(statusPath(S.SUBMITTED, S.DELIVERED)).toEqual([S.DELIVERED]);
    expect(statusPath(S.DELIVERED, S.COMPLETED)).toEqual([S.IN_PROCESS, S.APPROVED, S.COMPLETED]);
    expect(statusPath(S.IN_PROCESS, S.APPROVED)).toEqual([S.APPROVED]);
    expect(statusPath(S.DELIVERED, S.NEEDS_REVISION)).toEqual([S.IN_PROCESS, S.NEEDS_REVISION]);
  });

  it('goes back through processing after a revision', () => {
    expect(statusPath(S.NEEDS_REVISION, S.IN_PROCESS)).toEqual([S.IN_PROCESS]);
    expect(statusPath(S.NEEDS_REVISION, S.COMPLETED)).toEqual([
      S.IN_PROCESS,
      S.APPROVED,
      S.COMPLETED,
    ]);
  });

  it('takes refusals and cancellations directly where the machine allows', () => {
    expect(statusPath(S.SUBMITTED, S.REJECTED)).toEqual([S.REJECTED]);
    expect(statusPath(S.SUBMITTED, S.NEEDS_REVISION)).toEqual([S.NEEDS_REVISION]);
    expect(statusPath(S.IN_PROCESS, S.CANCELLED)).toEqual([S.CANCELLED]);
  });

  it('reports nothing when there is no progress or the news is older', () => {
    expect(statusPath(S.IN_PROCESS, S.IN_PROCESS)).toEqual([]);
    expect(statusPath(S.APPROVED, S.IN_PROCESS)).toEqual([]);
    expect(statusPath(S.COMPLETED, S.REJECTED)).toEqual([]);
    expect(statusPath(S.APPROVED, S.CANCELLED)).toEqual([]);
  });
});
