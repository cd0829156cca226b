/** Outcomes of a legacy call in which the legacy system answered, whatever it said. */
export const ANSWERED_OUTCOMES = ['ok', 'refused'];

export interface LegacyCallWindow {
  calls: number;
  /** Share of calls the legacy system answered (ok or refused); null without calls. */
  successRate: number | null;
  outcomes: Record<string, number>;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
}

/** One agency's legacy calls over a window, from counts per outcome and latency percentiles. */
export function legacyCallWindow(
  outcomes: Record<string, number>,
  percentiles: readonly number[] | null,
): LegacyCallWindow {
  const calls = Object.values(outcomes).reduce((sum, count) => sum + count, 0);
  const answered = ANSWERED_OUTCOMES.reduce((sum, outcome) => sum + (outcomes[outcome] ?? 0), 0);
  const [p50, p95, p99] = (percentiles ?? []).map((value) => Math.round(value * 10) / 10);
  return {
    calls,
    successRate: calls === 0 ? null : Math.round((answered / calls) * 10000) / 10000,
    outcomes,
    latencyMs: { p50: p50 ?? null, p95: p95 ?? null, p99: p99 ?? null },
  };
}
