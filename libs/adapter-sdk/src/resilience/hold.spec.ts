import { backoffMs, waitHolding } from './hold';

describe('backoffMs', () => {
  it('grows exponentially within jitter and stays under the cap', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const ceiling = Math.min(1000, 100 * 2 ** (attempt - 1));
      const wait = backoffMs(attempt, 100, 1000);
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    }
  });

  it('waits what the other side asked for, within the base and the cap', () => {
    expect(backoffMs(1, 100, 10000, 3000)).toBe(3000);
    expect(backoffMs(1, 100, 10000, 0)).toBe(100);
    expect(backoffMs(1, 100, 10000, 60000)).toBe(10000);
  });
});

describe('waitHolding', () => {
  it('heartbeats while a long wait lasts', async () => {
    const heartbeat = jest.fn(() => Promise.resolve());
    await waitHolding(250, { heartbeat }, 100);
    expect(heartbeat).toHaveBeenCalledTimes(2);
  });
});
