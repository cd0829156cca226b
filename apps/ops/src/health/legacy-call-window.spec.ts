import { legacyCallWindow } from './legacy-call-window';

describe('legacyCallWindow', () => {
  it('counts answered calls, refusals included, as successes', () => {
    const window = legacyCallWindow(
      { ok: 6, refused: 1, unavailable: 2, error: 1 },
      [120, 480.25, 910.04],
    );
    expect(window).toEqual({
      calls: 10,
      successRate: 0.7,
      outcomes: { ok: 6, refused: 1, unavailable: 2, error: 1 },
      latencyMs: { p50: 120, p95: 480.3, p99: 910 },
    });
  });

  it('rounds the rate to four decimals', () => {
    expect(legacyCallWindow({ ok: 2, throttled: 1 }, null).successRate).toBe(0.6667);
  });

  it('has no rate and no latency without calls', () => {
    expect(legacyCallWindow({}, null)).toEqual({
      calls: 0,
      successRate: null,
      outcomes: {},
      latencyMs: { p50: null, p95: null, p99: null },
    });
  });
});
