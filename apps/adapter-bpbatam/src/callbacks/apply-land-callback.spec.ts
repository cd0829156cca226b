import type { StatusNews, StatusReporter } from '@mpp/adapter-sdk';
import { ApplicationStatus as S } from '@mpp/contracts';
import { ProblemError } from '@mpp/problems';
import { ApplyLandCallback } from './apply-land-callback';
import type { LandCallbackDto } from './land-callback.dto';

const APPLICATION = '6f1c2a7e-2b1d-4f7a-9a51-0d3e5c1b2a90';

function callback(overrides: Partial<LandCallbackDto> = {}): LandCallbackDto {
  return {
    id_event: '0b0a9d0e-4d0c-4a53-9a59-5d5c1f8f2b11',
    nomor_berkas: 'BPB-000123',
    referensi: APPLICATION,
    status: 'VERIFIKASI',
    waktu: '2026-11-02T03:04:05Z',
    ...overrides,
  };
}

/** The SDK's reporter, in memory: it remembers news ids as its inbox does. */
function setUp({ onRecord = true } = {}) {
  const seen = new Set<string>();
  const reports: StatusNews[] = [];
  const reporter = {
    report: async (news: StatusNews) => {
      if (!onRecord) return { kind: 'unknown-application' as const };
      if (news.newsId && seen.has(news.newsId)) return { kind: 'duplicate' as const };
      if (news.newsId) seen.add(news.newsId);
      reports.push(news);
      return { kind: 'emitted' as const, statuses: [news.status] };
    },
  };
  const apply = new ApplyLandCallback(reporter as unknown as StatusReporter);
  return { apply, reports };
}

describe('applying a land callback', () => {
  it('reports the canonical status with both ids and the decree number', async () => {
    const { apply, reports } = setUp();
    await expect(
      apply.apply(callback({ status: 'SELESAI', keterangan: 'SK terbit', nomor_sk: 'SK/7' })),
    ).resolves.toBe('applied');
    expect(reports).toEqual([
      {
        applicationId: APPLICATION,
        agencyReference: 'BPB-000123',
        newsId: 'land-callback:0b0a9d0e-4d0c-4a53-9a59-5d5c1f8f2b11',
        status: S.COMPLETED,
        reason: 'SK terbit',
        result: { decreeNumber: 'SK/7' },
      },
    ]);
  });

  it('has no second effect when the same event is sent again', async () => {
    const { apply, reports } = setUp();
    await apply.apply(callback());
    await expect(apply.apply(callback())).resolves.toBe('duplicate');
    expect(reports).toHaveLength(1);
  });

  it('refuses, for a retry, a callback about an application not on record', async () => {
    const { apply } = setUp({ onRecord: false });
    const refusal = apply.apply(callback({ status: 'DITERIMA' }));
    await expect(refusal).rejects.toBeInstanceOf(ProblemError);
    await expect(refusal).rejects.toMatchObject({ status: 409 });
    // Not remembered: the retry is applied once the submission is recorded.
  });
});
