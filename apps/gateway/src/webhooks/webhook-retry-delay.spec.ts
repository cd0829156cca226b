import { webhookRetryDelayMs } from './webhook-retry-delay';

describe('webhookRetryDelayMs', () => {
  it('doubles from the base, within the upper half of each step', () => {
    const lowest = (attempts: number) => webhookRetryDelayMs(attempts, 1000, 600000, () => 0);
    const highest = (attempts: number) => webhookRetryDelayMs(attempts, 1000, 600000, () => 1);
    expect([1, 2, 3, 4].map(highest)).toEqual([1000, 2000, 4000, 8000]);
    expect([1, 2, 3, 4].map(lowest)).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(webhookRetryDelayMs(12, 1000, 600000, () => 1)).toBe(600000);
    expect(webhookRetryDelayMs(500, 1000, 600000, () => 1)).toBe(600000);
  });
});
