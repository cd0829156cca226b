const WINDOW_MS = 1000;

/** Admits at most a given number of requests in any one-second window. */
export class SlidingWindowRateLimiter {
  private readonly admitted: number[] = [];

  /** Admits a request at `now` and answers 0, or answers how many ms until one would be. */
  admit(limitPerSecond: number, now = Date.now()): number {
    while (this.admitted.length > 0 && this.admitted[0] <= now - WINDOW_MS) this.admitted.shift();
    if (this.admitted.length < limitPerSecond) {
      this.admitted.push(now);
      return 0;
    }
    // After a lowered limit more may be in the window than it allows; all but `limit` must age out.
    return this.admitted[this.admitted.length - limitPerSecond] + WINDOW_MS - now;
  }
}
