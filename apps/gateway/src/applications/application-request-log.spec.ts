import { ApplicationStatus as S } from '@mpp/contracts';
import { requestsAnsweredBy } from './application-request-log';

describe('requestsAnsweredBy', () => {
  it('answers a resubmission when the agency takes the application up again', () => {
    expect(requestsAnsweredBy(S.IN_PROCESS)).toEqual(['RESUBMISSION']);
  });

  it('answers everything with a final status', () => {
    for (const final of [S.REJECTED, S.CANCELLED, S.COMPLETED]) {
      expect(requestsAnsweredBy(final)).toEqual(['RESUBMISSION', 'CANCELLATION']);
    }
  });

  it('answers a cancellation the agency overtook with its decision', () => {
    expect(requestsAnsweredBy(S.APPROVED)).toContain('CANCELLATION');
  });

  it('answers nothing while the agency has not been reached', () => {
    expect(requestsAnsweredBy(S.FAILED)).toEqual([]);
  });

  it('keeps a cancellation pending while the agency still works on the application', () => {
    for (const open of [S.DELIVERED, S.IN_PROCESS, S.NEEDS_REVISION]) {
      expect(requestsAnsweredBy(open)).not.toContain('CANCELLATION');
    }
  });
});
