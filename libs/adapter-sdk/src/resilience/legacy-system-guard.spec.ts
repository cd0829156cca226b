import type { FlowRecorder } from '@mpp/flow';
import { Registry } from 'prom-client';
import type { AdapterRuntimeConfig } from '../config/adapter-runtime.config';
import type { LegacyConnector } from '../legacy/legacy-connector';
import { LegacyRefusal, LegacyThrottled, LegacyUnavailable } from '../legacy/legacy-errors';
import { AdapterMetrics } from '../metrics/adapter-metrics';
import { LegacySystemGuard } from './legacy-system-guard';

const config = {
  breaker: { errorPercent: 50, minCalls: 3, windowMs: 10000, probeIntervalMs: 20 },
} as AdapterRuntimeConfig;

function guardOver(probe: () => Promise<void>) {
  const connector = { system: 'test-system', probe } as unknown as LegacyConnector;
  const flow = { record: jest.fn() } as unknown as FlowRecorder;
  return new LegacySystemGuard(connector, config, new AdapterMetrics(new Registry()), flow);
}

const fail = (error: Error) => () => Promise.reject(error);

describe('LegacySystemGuard', () => {
  let guard: LegacySystemGuard;
  afterEach(() => guard.onModuleDestroy());

  it('opens after enough calls find the system unavailable, and then fails fast', async () => {
    guard = guardOver(() => Promise.reject(new LegacyUnavailable('still down')));
    for (let i = 0; i < 3; i++) {
      await expect(guard.call('submit', {}, fail(new LegacyUnavailable('down')))).rejects.toThrow();
    }
    expect(guard.state).not.toBe('closed');
    const action = jest.fn(() => Promise.resolve('answer'));
    await expect(guard.call('submit', {}, action)).rejects.toBeInstanceOf(LegacyUnavailable);
    expect(action).not.toHaveBeenCalled();
  });

  it('closes when a probe succeeds, and lets waiting work go on', async () => {
    let up = false;
    guard = guardOver(() =>
      up ? Promise.resolve() : Promise.reject(new LegacyUnavailable('down')),
    );
    for (let i = 0; i < 3; i++) {
      await expect(guard.call('submit', {}, fail(new LegacyUnavailable('down')))).rejects.toThrow();
    }
    const states: string[] = [];
    guard.onStateChange((state) => states.push(state));
    const waiting = guard.whenClosed();
    up = true;
    await waiting;
    expect(guard.state).toBe('closed');
    expect(states).toContain('closed');
    await expect(guard.call('submit', {}, () => Promise.resolve('answer'))).resolves.toBe('answer');
  });

  it('is not opened by throttling, refusals or surprises: only by unavailability', async () => {
    guard = guardOver(() => Promise.resolve());
    for (const error of [
      new LegacyThrottled('429', 1000),
      LegacyRefusal.rejected('no'),
      new TypeError('bug'),
      new LegacyThrottled('429', 1000),
      LegacyRefusal.needsRevision('fix it'),
    ]) {
      await expect(guard.call('submit', {}, fail(error))).rejects.toBe(error);
    }
    expect(guard.state).toBe('closed');
  });

  it('gives up waiting when the hold is aborted', async () => {
    guard = guardOver(() => Promise.reject(new LegacyUnavailable('down')));
    for (let i = 0; i < 3; i++) {
      await expect(guard.call('submit', {}, fail(new LegacyUnavailable('down')))).rejects.toThrow();
    }
    const hold = new AbortController();
    const waiting = guard.whenClosed({ signal: hold.signal });
    hold.abort(new Error('shutting down'));
    await expect(waiting).rejects.toThrow('shutting down');
  });
});
