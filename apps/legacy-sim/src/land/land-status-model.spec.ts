import { CaseProgress } from '../casework/case-progress';
import type { CaseOutcome } from '../casework/nik-serial';
import { LAND_STATUS_MODEL } from './land-status-model';
import { LandStatus } from './land.contract';

const START = new Date('2025-03-03T01:00:00.000Z');
const TOTAL = 3000;
const later = (ms: number) => new Date(START.getTime() + ms);

function statusesOf(progress: CaseProgress<LandStatus>, until: Date): LandStatus[] {
  return progress.changesUntil(until).map((change) => change.status);
}

describe('land status model', () => {
  it.each([
    ['approve', ['DITERIMA', 'VERIFIKASI', 'DISETUJUI', 'SELESAI']],
    ['revise', ['DITERIMA', 'PERLU_PERBAIKAN']],
    ['reject', ['DITERIMA', 'VERIFIKASI', 'DITOLAK']],
  ] as const)('%s goes through %j', (outcome: CaseOutcome, statuses) => {
    const progress = new CaseProgress(LAND_STATUS_MODEL, outcome, TOTAL, START);
    expect(statusesOf(progress, later(60_000))).toEqual(statuses);
  });

  it('goes back to VERIFIKASI after a revision and on to SELESAI', () => {
    const progress = new CaseProgress(LAND_STATUS_MODEL, 'revise', TOTAL, START);
    expect(progress.revise(later(1500))).toBe(true);
    expect(statusesOf(progress, later(60_000))).toEqual([
      'DITERIMA',
      'PERLU_PERBAIKAN',
      'VERIFIKASI',
      'DISETUJUI',
      'SELESAI',
    ]);
    expect(progress.nextChangeAfter(later(1500))).toEqual(later(2500));
  });

  it('explains every status and shows the decree number only when SELESAI', () => {
    for (const status of Object.values(LandStatus)) {
      expect(LAND_STATUS_MODEL.keterangan[status]).not.toHaveLength(0);
    }
    expect(LAND_STATUS_MODEL.documentIssuedIn).toEqual(['SELESAI']);
  });
});
