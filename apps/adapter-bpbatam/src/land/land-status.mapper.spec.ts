import { ApplicationStatus as S } from '@mpp/contracts';
import { LAND_STATUSES, toStatusReport, type LandStatus } from './land-status.mapper';

const canonical = (status: LandStatus) => toStatusReport({ status }).status;

describe('land status mapping', () => {
  it('maps every land status to a canonical one', () => {
    expect(canonical('DITERIMA')).toBe(S.DELIVERED);
    expect(canonical('VERIFIKASI')).toBe(S.IN_PROCESS);
    expect(canonical('PERLU_PERBAIKAN')).toBe(S.NEEDS_REVISION);
    expect(canonical('DISETUJUI')).toBe(S.APPROVED);
    expect(canonical('SELESAI')).toBe(S.COMPLETED);
    expect(canonical('DITOLAK')).toBe(S.REJECTED);
    expect(canonical('DIBATALKAN')).toBe(S.CANCELLED);
    expect(LAND_STATUSES).toHaveLength(7);
  });

  it('gives the decree number as the result of completion', () => {
    expect(
      toStatusReport({ status: 'SELESAI', keterangan: 'SK terbit', nomor_sk: 'SK-BPB/2026/0042' }),
    ).toEqual({
      status: S.COMPLETED,
      reason: 'SK terbit',
      result: { decreeNumber: 'SK-BPB/2026/0042' },
    });
  });

  it('carries the land system’s explanation and no result before completion', () => {
    expect(
      toStatusReport({ status: 'PERLU_PERBAIKAN', keterangan: 'Proposal usaha belum lengkap' }),
    ).toEqual({ status: S.NEEDS_REVISION, reason: 'Proposal usaha belum lengkap' });
    expect(toStatusReport({ status: 'DISETUJUI', nomor_sk: 'SK-1' })).toEqual({
      status: S.APPROVED,
    });
  });
});
