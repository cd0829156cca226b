import type { CaseStatus } from './processing-route';
import type { CaseRecord } from './case-record';
import { isJsonObject } from './json-object';

export type AmendmentProblem =
  'dataNotObject' | 'reasonMissing' | 'notAwaitingRevision' | 'notCancellable';

/** A revision or cancellation the system refuses; each protocol answers it in its own way. */
export class AmendmentRefused extends Error {
  constructor(
    readonly problem: AmendmentProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AmendmentRefused';
  }
}

/** Takes revised data for a case that waits for a revision; it then goes on processing. */
export function reviseCase(record: CaseRecord<CaseStatus, string>, data: unknown, now: Date): void {
  if (!isJsonObject(data)) {
    throw new AmendmentRefused('dataNotObject', 'Data perbaikan harus berupa objek JSON');
  }
  if (!record.progress.revise(now)) {
    throw new AmendmentRefused(
      'notAwaitingRevision',
      `Permohonan berstatus ${record.progress.statusAt(now)} tidak sedang menunggu perbaikan`,
    );
  }
  record.data = data;
}

/** Cancels a case that is not yet decided; cancelling it again changes nothing. */
export function cancelCase(
  record: CaseRecord<CaseStatus, string>,
  reason: unknown,
  now: Date,
): void {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new AmendmentRefused('reasonMissing', 'Alasan pembatalan wajib diisi');
  }
  if (record.progress.cancel(now) === 'notCancellable') {
    throw new AmendmentRefused(
      'notCancellable',
      `Permohonan berstatus ${record.progress.statusAt(now)} tidak dapat dibatalkan`,
    );
  }
}
