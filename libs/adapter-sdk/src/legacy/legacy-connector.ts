import type {
  ApplicationCancelled,
  ApplicationResubmitted,
  ApplicationStatus,
  ApplicationSubmitted,
} from '@mpp/contracts';

/** Context of one call to the legacy system, for its logs and for tracing. */
export interface LegacyCall {
  applicationId?: string;
  serviceCode?: string;
  correlationId?: string;
  /** W3C trace context to forward on the legacy request. */
  traceparent?: string;
}

/** Where an application stands in the legacy system, already in canonical terms. */
export interface LegacyStatusReport {
  status: ApplicationStatus;
  /** The agency's words: why it needs revision or was rejected. */
  reason?: string;
  /** What was issued, e.g. `{ documentNumber }`, once completed. */
  result?: Record<string, unknown>;
}

/** The legacy system took the application. */
export interface LegacyReceipt {
  /** The agency's own reference number for it. */
  agencyReference: string;
  /** Where it stands now, when the answer says more than "received" (`DELIVERED`). */
  status?: LegacyStatusReport;
}

/**
 * What an agency team writes: the calls into its legacy system. The SDK decides when to call,
 * retries, deduplicates, emits statuses and parks what cannot be handled.
 *
 * Signal the outcome by what you throw: `LegacyRefusal` for a business answer (rejected, or
 * needs revision), `LegacyUnavailable` (or `LegacyThrottled`) for a system that cannot answer
 * now; anything else is a bug or a surprise and is dead-lettered after the configured attempts.
 */
export interface LegacyConnector {
  /** The legacy system's name in metrics and logs, e.g. `civil-registry`. */
  readonly system: string;

  /** Hands a new application to the legacy system. */
  submit(application: ApplicationSubmitted, call: LegacyCall): Promise<LegacyReceipt>;

  /**
   * Asks whether an earlier submission whose answer was lost (a timeout) arrived after all, by
   * our application id. Called before any second submission, so none is ever made twice.
   */
  findSubmission(applicationId: string, call: LegacyCall): Promise<LegacyReceipt | undefined>;

  /** Sends the applicant's corrections after `NEEDS_REVISION`. Must tolerate being repeated. */
  resubmit(
    resubmission: ApplicationResubmitted,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void>;

  /**
   * Withdraws the application. Throw `LegacyRefusal` when the agency has already decided;
   * must tolerate being repeated.
   */
  cancel(
    cancellation: ApplicationCancelled,
    agencyReference: string,
    call: LegacyCall,
  ): Promise<void>;

  /**
   * For systems that do not push progress: the application's current status. When present,
   * the SDK polls every submitted application until it is final.
   */
  checkStatus?(agencyReference: string, call: LegacyCall): Promise<LegacyStatusReport>;

  /** A cheap call that succeeds when the system answers again; it closes an open circuit. */
  probe(call: LegacyCall): Promise<void>;
}

/** Injection token of the adapter's connector. */
export const LEGACY_CONNECTOR = Symbol('LEGACY_CONNECTOR');
