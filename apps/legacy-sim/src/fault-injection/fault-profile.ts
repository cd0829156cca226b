/** The knobs of one simulated system: how slow, how flaky, whether it is down, how long it works. */
export interface FaultProfile {
  /** Added before every request is handled. */
  latencyMs: number;
  /** Share of requests answered with a server error, 0..1. */
  errorRate: number;
  /** Share of requests whose answer is held back for `timeoutHoldMs`, 0..1. */
  timeoutRate: number;
  timeoutHoldMs: number;
  /** Down for maintenance: every request is refused. */
  maintenance: boolean;
  /** Total processing time of a registration, from acceptance to a final status. */
  processingMs: number;
  /**
   * Requests admitted per second over all callers, 0 for no limit. Only systems that enforce a
   * rate limit have this knob.
   */
  rateLimitPerSecond?: number;
}
