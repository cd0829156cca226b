import { isAxiosError } from 'axios';
import { ApplicationStatus } from '@mpp/contracts';

/**
 * The legacy system could not be reached or did not answer in time: worth retrying. Failures of
 * this kind count toward the circuit breaker.
 */
export class LegacyUnavailable extends Error {
  override readonly name: string = 'LegacyUnavailable';

  constructor(
    message: string,
    /** How long the legacy system asked us to wait, when it said so. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }

  /** A transport failure (no answer, refused connection, timeout) of one legacy operation. */
  static noAnswer(operation: string, error: unknown): LegacyUnavailable {
    const reason = isAxiosError(error)
      ? `${error.code ?? 'network error'}: ${error.message}`
      : String(error);
    return new LegacyUnavailable(`${operation} failed: ${reason}`);
  }
}

/**
 * The legacy system is up but refuses more calls for now (HTTP 429). Retried after the wait it
 * asked for; it does not open the circuit, because the system is healthy.
 */
export class LegacyThrottled extends LegacyUnavailable {
  override readonly name = 'LegacyThrottled';
}

export type RefusalStatus =
  typeof ApplicationStatus.REJECTED | typeof ApplicationStatus.NEEDS_REVISION;

/**
 * The legacy system looked at the application and said no: a business answer, never retried.
 * `NEEDS_REVISION` when the applicant can fix it, `REJECTED` otherwise.
 */
export class LegacyRefusal extends Error {
  override readonly name = 'LegacyRefusal';

  constructor(
    readonly status: RefusalStatus,
    /** The agency's reason, in its own words, shown to the applicant. */
    readonly reason: string,
    /** The agency's own code for the refusal, when it has one. */
    readonly code?: string,
  ) {
    super(`${status}: ${reason}`);
  }

  static rejected(reason: string, code?: string): LegacyRefusal {
    return new LegacyRefusal(ApplicationStatus.REJECTED, reason, code);
  }

  static needsRevision(reason: string, code?: string): LegacyRefusal {
    return new LegacyRefusal(ApplicationStatus.NEEDS_REVISION, reason, code);
  }
}
