import { callbackRetryDelayMs } from './callback-retry-delay';

describe('callbackRetryDelayMs', () => {
  it('doubles from the base after each failure', () => {
    expect([1, 2, 3, 4].map((failures) => callbackRetryDelayMs(failures, 500))).toEqual([
      500, 1000, 2000, 4000,
    ]);
  });

  it('never waits longer than 30 s, however many failures', () => {
    expect(callbackRetryDelayMs(7, 500)).toBe(30_000);
    expect(callbackRetryDelayMs(5000, 500)).toBe(30_000);
  });
});
