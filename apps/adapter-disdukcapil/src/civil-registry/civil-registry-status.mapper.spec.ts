import { ApplicationStatus as S } from '@mpp/contracts';
import { stepsToward, toCanonicalStatus } from './civil-registry-status.mapper';

describe('civil registry status mapping', () => {
  it('maps every registry status to a canonical one', () => {
    expect(toCanonicalStatus('DITERIMA')).toBe(S.DELIVERED);
    expect(toCanonicalStatus('DIPROSES')).toBe(S.IN_PROCESS);
    expect(toCanonicalStatus('PERLU_PERBAIKAN')).toBe(S.NEEDS_REVISION);
    expect(toCanonicalStatus('DISETUJUI')).toBe(S.APPROVED);
    expect(toCanonicalStatus('DITOLAK')).toBe(S.REJECTED);
    expect(toCanonicalStatus('SELESAI')).toBe(S.COMPLETED);
    expect(toCanonicalStatus('ENTAH')).toBeUndefined();
  });

  it('fills in the steps a poll missed', () => {
    expect(stepsToward(S.DELIVERED, S.COMPLETED)).toEqual([S.IN_PROCESS, S.APPROVED, S.COMPLETED]);
    expect(stepsToward(S.IN_PROCESS, S.APPROVED)).toEqual([S.APPROVED]);
    expect(stepsToward(S.DELIVERED, S.NEEDS_REVISION)).toEqual([S.IN_PROCESS, S.NEEDS_REVISION]);
  });

  it('reports nothing when the registry shows no progress or goes backwards', () => {
    expect(stepsToward(S.IN_PROCESS, S.IN_PROCESS)).toEqual([]);
    expect(stepsToward(S.APPROVED, S.IN_PROCESS)).toEqual([]);
    expect(stepsToward(S.COMPLETED, S.REJECTED)).toEqual([]);
  });
});
