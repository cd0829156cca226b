/**
 * The wait before the next attempt after `failedAttempts` failures: doubling from `baseMs` up to
 * `maxMs`, the upper half of it at random, so receivers coming back from an outage are not hit
 * by every gateway's retries at the same instant.
 */
export function webhookRetryDelayMs(
  failedAttempts: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(failedAttempts - 1, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
