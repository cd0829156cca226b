import { CaseProgress } from './case-progress';
import type { JsonObject } from './json-object';
import type { CaseStatus } from './processing-route';
import type { StatusModel } from './status-model';
import type { CheckedSubmission } from './submission-check';

/** What a system keeps of a submission it accepted. */
export interface CaseRecord<S extends CaseStatus, K extends string> {
  /** The system's own number for the case. */
  readonly number: string;
  /** The sender's reference: the gateway's application id. */
  readonly reference: string;
  readonly service: K;
  readonly nik: string;
  readonly nama: string;
  /** The latest data: as submitted, or as revised. */
  data: JsonObject;
  readonly receivedAt: Date;
  readonly progress: CaseProgress<S>;
  /** The number of the document (permit, decree) the case ends with when it completes. */
  readonly issuedDocument: string;
}

export interface CaseOpening<S extends CaseStatus, K extends string> {
  submission: CheckedSubmission<K>;
  number: string;
  model: StatusModel<S>;
  processingMs: number;
  issuedDocument: string;
  receivedAt: Date;
}

export function openCase<S extends CaseStatus, K extends string>({
  submission,
  number,
  model,
  processingMs,
  issuedDocument,
  receivedAt,
}: CaseOpening<S, K>): CaseRecord<S, K> {
  return {
    number,
    reference: submission.reference,
    service: submission.service,
    nik: submission.nik,
    nama: submission.nama,
    data: submission.data,
    receivedAt,
    progress: new CaseProgress(model, submission.outcome, processingMs, receivedAt),
    issuedDocument,
  };
}

export interface CaseReport<S extends CaseStatus> {
  status: S;
  keterangan: string;
  /** Only once the document is issued. */
  issuedDocument?: string;
}

export function reportCase<S extends CaseStatus>(
  record: CaseRecord<S, string>,
  now: Date,
): CaseReport<S> {
  const { model } = record.progress;
  const status = record.progress.statusAt(now);
  const report: CaseReport<S> = { status, keterangan: model.keterangan[status] };
  if (model.documentIssuedIn.includes(status)) report.issuedDocument = record.issuedDocument;
  return report;
}
