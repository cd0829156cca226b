import type { CaseOutcome } from './nik-serial';
import type { CaseStatus, ProcessingRoute } from './processing-route';

/** Everything a system knows about its statuses: how cases move, and what each status means. */
export interface StatusModel<S extends CaseStatus> {
  /** The route a new case takes, by the outcome its NIK's serial decides. */
  readonly routes: Readonly<Record<CaseOutcome, ProcessingRoute<S>>>;
  /** Followed from the moment a revision is accepted. */
  readonly resumedRoute: ProcessingRoute<S>;
  /** The status in which a case waits for the sender's revision. */
  readonly awaitingRevision: S;
  readonly cancellable: readonly S[];
  readonly cancelled: S;
  /** The explanation (`keterangan`) the system gives with each status. */
  readonly keterangan: Readonly<Record<S, string>>;
  /** The statuses in which the issued document's number is shown. */
  readonly documentIssuedIn: readonly S[];
}
