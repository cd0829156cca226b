import { outcomeForNik, progressAfter } from './civil-registry-progress';

describe('progressAfter', () => {
  const total = 3000;

  it.each([
    [0, 'DITERIMA'],
    [999, 'DITERIMA'],
    [1000, 'DIPROSES'],
    [1999, 'DIPROSES'],
    [2000, 'DISETUJUI'],
    [2999, 'DISETUJUI'],
    [3000, 'SELESAI'],
    [60_000, 'SELESAI'],
  ])('approves: after %i ms of %i the registration is %s', (elapsed, status) => {
    expect(progressAfter(elapsed, total, 'approve').status).toBe(status);
  });

  it('asks for revision in the last third and stays there', () => {
    expect(progressAfter(1500, total, 'revise').status).toBe('DIPROSES');
    expect(progressAfter(2000, total, 'revise').status).toBe('PERLU_PERBAIKAN');
    const later = progressAfter(3_600_000, total, 'revise');
    expect(later.status).toBe('PERLU_PERBAIKAN');
    expect(later.keterangan).toMatch(/perbaiki/);
  });

  it('rejects in the last third and stays rejected', () => {
    expect(progressAfter(2500, total, 'reject').status).toBe('DITOLAK');
    expect(progressAfter(10_000, total, 'reject').status).toBe('DITOLAK');
  });

  it('finishes at once when processing takes no time', () => {
    expect(progressAfter(0, 0, 'approve').status).toBe('SELESAI');
    expect(progressAfter(0, 0, 'revise').status).toBe('PERLU_PERBAIKAN');
  });

  it('always explains the status', () => {
    for (const elapsed of [0, 1500, 2500, 3500]) {
      expect(progressAfter(elapsed, total, 'approve').keterangan).not.toHaveLength(0);
    }
  });
});

describe('outcomeForNik', () => {
  it('reads the serial: 9998 needs revision, 9997 is rejected, others are approved', () => {
    expect(outcomeForNik('2171010101909998')).toBe('revise');
    expect(outcomeForNik('2171010101909997')).toBe('reject');
    expect(outcomeForNik('2171010101900001')).toBe('approve');
  });
});
