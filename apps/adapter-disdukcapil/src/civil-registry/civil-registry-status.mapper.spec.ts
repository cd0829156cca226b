import { ApplicationStatus as S } from '@mpp/contracts';
import { toCanonicalStatus } from './civil-registry-status.mapper';

describe('civil registry status mapping', () => {
  it('maps every registry status to a canonical one', () => {
    expect(toCanonicalStatus('DITERIMA')).toBe(S.DELIVERED);
    expect(toCanonicalStatus('DIPROSES')).toBe(S.IN_PROCESS);
    expect(toCanonicalStatus('PERLU_PERBAIKAN')).toBe(S.NEEDS_REVISION);
    expect(toCanonicalStatus('DISETUJUI')).toBe(S.APPROVED);
    expect(toCanonicalStatus('DITOLAK')).toBe(S.REJECTED);
    expect(toCanonicalStatus('SELESAI')).toBe(S.COMPLETED);
    expect(toCanonicalStatus('DIBATALKAN')).toBe(S.CANCELLED);
    expect(toCanonicalStatus('ENTAH')).toBeUndefined();
  });
});
