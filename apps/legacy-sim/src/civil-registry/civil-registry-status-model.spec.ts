import { CaseProgress } from '../casework/case-progress';
import type { CaseOutcome } from '../casework/nik-serial';
import { CIVIL_REGISTRY_STATUS_MODEL } from './civil-registry-status-model';
import { CivilRegistryStatus } from './civil-registry-status';

const TOTAL = 3000;
const START = new Date('2025-03-03T01:00:00.000Z');

function progressOf(outcome: CaseOutcome, processingMs = TOTAL): CaseProgress<CivilRegistryStatus> {
  return new CaseProgress(CIVIL_REGISTRY_STATUS_MODEL, outcome, processingMs, START);
}

function statusAfter(progress: CaseProgress<CivilRegistryStatus>, ms: number): string {
  return progress.statusAt(new Date(START.getTime() + ms));
}

describe('civil registry status model', () => {
  it.each([
    [0, 'DITERIMA'],
    [999, 'DITERIMA'],
    [1000, 'DIPROSES'],
    [1999, 'DIPROSES'],
    [2000, 'DISETUJUI'],
    [2999, 'DISETUJUI'],
    [3000, 'SELESAI'],
    [60_000, 'SELESAI'],
  ])('approves: after %i ms of 3000 the registration is %s', (elapsed, status) => {
    expect(statusAfter(progressOf('approve'), elapsed)).toBe(status);
  });

  it('asks for revision in the last third and waits there', () => {
    const progress = progressOf('revise');
    expect(statusAfter(progress, 1500)).toBe('DIPROSES');
    expect(statusAfter(progress, 2000)).toBe('PERLU_PERBAIKAN');
    expect(statusAfter(progress, 3_600_000)).toBe('PERLU_PERBAIKAN');
  });

  it('after a revision verifies again and goes on to SELESAI, asking only once', () => {
    const progress = progressOf('revise');
    expect(progress.revise(new Date(START.getTime() + 5000))).toBe(true);
    expect(statusAfter(progress, 5000)).toBe('DIPROSES');
    expect(statusAfter(progress, 6000)).toBe('DISETUJUI');
    expect(statusAfter(progress, 7000)).toBe('SELESAI');
  });

  it('rejects in the last third and stays rejected', () => {
    expect(statusAfter(progressOf('reject'), 2500)).toBe('DITOLAK');
    expect(statusAfter(progressOf('reject'), 10_000)).toBe('DITOLAK');
  });

  it('can be cancelled until a decision other than a revision request', () => {
    const cancelAt = (outcome: CaseOutcome, ms: number) =>
      progressOf(outcome).cancel(new Date(START.getTime() + ms));
    expect(cancelAt('approve', 0)).toBe('cancelled');
    expect(cancelAt('approve', 1500)).toBe('cancelled');
    expect(cancelAt('revise', 2500)).toBe('cancelled');
    expect(cancelAt('approve', 2500)).toBe('notCancellable');
    expect(cancelAt('reject', 2500)).toBe('notCancellable');
  });

  it('finishes at once when processing takes no time', () => {
    expect(statusAfter(progressOf('approve', 0), 0)).toBe('SELESAI');
    expect(statusAfter(progressOf('revise', 0), 0)).toBe('PERLU_PERBAIKAN');
  });

  it('explains every status and shows the document only when SELESAI', () => {
    for (const status of Object.values(CivilRegistryStatus)) {
      expect(CIVIL_REGISTRY_STATUS_MODEL.keterangan[status]).not.toHaveLength(0);
    }
    expect(CIVIL_REGISTRY_STATUS_MODEL.documentIssuedIn).toEqual(['SELESAI']);
  });
});
