const RETRY_CAP_MS = 30_000;

/** The wait before the next try after `failedAttempts` failures: doubling from the base, capped. */
export function callbackRetryDelayMs(failedAttempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failedAttempts - 1), RETRY_CAP_MS);
}
