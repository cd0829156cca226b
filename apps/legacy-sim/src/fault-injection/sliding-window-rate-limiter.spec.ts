import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';

describe('SlidingWindowRateLimiter', () => {
  it('admits the limit within a second and tells how long until the next slot', () => {
    const limiter = new SlidingWindowRateLimiter();
    expect(limiter.admit(2, 1000)).toBe(0);
    expect(limiter.admit(2, 1300)).toBe(0);
    expect(limiter.admit(2, 1500)).toBe(500);
    expect(limiter.admit(2, 1999)).toBe(1);
    expect(limiter.admit(2, 2000)).toBe(0);
    expect(limiter.admit(2, 2100)).toBe(200);
  });

  it('does not count refused requests against the window', () => {
    const limiter = new SlidingWindowRateLimiter();
    limiter.admit(1, 0);
    for (let at = 100; at < 1000; at += 100) expect(limiter.admit(1, at)).toBeGreaterThan(0);
    expect(limiter.admit(1, 1000)).toBe(0);
  });

  it('waits for enough requests to age out after the limit is lowered', () => {
    const limiter = new SlidingWindowRateLimiter();
    for (const at of [0, 100, 200, 300]) limiter.admit(10, at);
    expect(limiter.admit(2, 400)).toBe(800);
  });
});
