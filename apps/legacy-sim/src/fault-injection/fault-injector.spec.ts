import { validateLegacySimEnvironment } from '../config/legacy-sim.config';
import { SimulationReset } from '../control/simulation-reset';
import { SimulatedSystem } from '../simulated-systems';
import { FaultInjector } from './fault-injector';
import { InjectedFault } from './injected-fault';

const SYSTEM = SimulatedSystem.civilRegistry;

describe('FaultInjector', () => {
  let reset: SimulationReset;
  let faults: FaultInjector;

  beforeEach(() => {
    reset = new SimulationReset();
    faults = new FaultInjector(
      validateLegacySimEnvironment({ SIM_CIVIL_REGISTRY_PROCESSING_MS: '1500' }),
      reset,
    );
  });

  it('starts from the configured defaults and forgets changes on reset', () => {
    expect(faults.profileOf(SYSTEM)).toEqual({
      latencyMs: 0,
      errorRate: 0,
      timeoutRate: 0,
      timeoutHoldMs: 30000,
      maintenance: false,
      processingMs: 1500,
    });
    faults.update(SYSTEM, { maintenance: true });
    reset.resetAll();
    expect(faults.profileOf(SYSTEM).maintenance).toBe(false);
  });

  it('refuses before handling during maintenance or at an error rate of 1', async () => {
    const handle = jest.fn(() => 'answer');
    faults.replace(SYSTEM, { maintenance: true });
    await expect(faults.intercept(SYSTEM, handle)).rejects.toMatchObject({ kind: 'maintenance' });
    faults.replace(SYSTEM, { errorRate: 1 });
    await expect(faults.intercept(SYSTEM, handle)).rejects.toBeInstanceOf(InjectedFault);
    expect(handle).not.toHaveBeenCalled();
  });

  it('handles a timed-out request at once and holds back only its answer, until shutdown', async () => {
    faults.replace(SYSTEM, { timeoutRate: 1, timeoutHoldMs: 600_000 });
    const handle = jest.fn(() => 'answer');
    const answer = faults.intercept(SYSTEM, handle);
    await Promise.resolve();
    expect(handle).toHaveBeenCalledTimes(1);
    faults.beforeApplicationShutdown();
    await expect(answer).resolves.toBe('answer');
  });

  it('keeps absent knobs on update and resets them to defaults on replace', () => {
    faults.update(SYSTEM, { latencyMs: 20 });
    expect(faults.update(SYSTEM, { errorRate: 0.5 })).toMatchObject({
      latencyMs: 20,
      errorRate: 0.5,
    });
    expect(faults.replace(SYSTEM, { errorRate: 0.5 })).toMatchObject({
      latencyMs: 0,
      errorRate: 0.5,
    });
  });

  it('limits the rate of a system that has a rate limit, before handling, until reset', async () => {
    const handle = jest.fn(() => 'answer');
    expect(faults.profileOf(SimulatedSystem.permits).rateLimitPerSecond).toBe(50);
    faults.update(SimulatedSystem.permits, { rateLimitPerSecond: 2 });
    await faults.intercept(SimulatedSystem.permits, handle);
    await faults.intercept(SimulatedSystem.permits, handle);
    await expect(faults.intercept(SimulatedSystem.permits, handle)).rejects.toMatchObject({
      kind: 'rateLimited',
      retryAfterSeconds: 1,
    });
    expect(handle).toHaveBeenCalledTimes(2);
    reset.resetAll();
    await expect(faults.intercept(SimulatedSystem.permits, handle)).resolves.toBe('answer');
  });

  it('has no rate limit knob on a system without a rate limit', () => {
    expect(faults.profileOf(SYSTEM)).not.toHaveProperty('rateLimitPerSecond');
    expect(() => faults.update(SYSTEM, { rateLimitPerSecond: 5 })).toThrow(/no rate limit/);
  });
});
