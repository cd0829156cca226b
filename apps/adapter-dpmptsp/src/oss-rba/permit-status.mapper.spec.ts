import { ApplicationStatus as S } from '@mpp/contracts';
import { toPermitStatusReport } from './permit-status.mapper';

const answer = (kdStatus: number, extra: { keterangan?: string; nomorIzin?: string } = {}) => ({
  idPermohonan: 'OSS-202603020001',
  kdStatus,
  ...extra,
});

describe('OSS-RBA permit status mapping', () => {
  it.each([
    [10, S.DELIVERED],
    [20, S.IN_PROCESS],
    [45, S.IN_PROCESS],
    [52, S.APPROVED],
  ])('maps code %i to %s', (code, status) => {
    expect(toPermitStatusReport(answer(code, { keterangan: 'sedang berjalan' }))).toEqual({
      status,
    });
  });

  it.each([
    [11, S.NEEDS_REVISION],
    [90, S.REJECTED],
    [95, S.CANCELLED],
  ])('maps code %i to %s with OSS-RBA’s words as the reason', (code, status) => {
    expect(toPermitStatusReport(answer(code, { keterangan: 'alasan OSS' }))).toEqual({
      status,
      reason: 'alasan OSS',
    });
  });

  it.each([50, 57])('maps issued code %i to COMPLETED with the permit number', (code) => {
    expect(toPermitStatusReport(answer(code, { nomorIzin: '2603020000001' }))).toEqual({
      status: S.COMPLETED,
      result: { permitNumber: '2603020000001' },
    });
  });

  it('refuses an issued permit without its number', () => {
    expect(() => toPermitStatusReport(answer(57))).toThrow(/without nomor_izin/);
  });

  it('refuses a code it does not know', () => {
    expect(() => toPermitStatusReport(answer(30))).toThrow(/unknown OSS-RBA status 30/);
  });
});
