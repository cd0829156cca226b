import { BadRequestException, BeforeApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { LEGACY_SIM_CONFIG, type LegacySimConfig } from '../config/legacy-sim.config';
import { SimulationReset } from '../control/simulation-reset';
import type { SimulatedSystem } from '../simulated-systems';
import type { FaultProfile } from './fault-profile';
import { InjectedFault } from './injected-fault';
import { SlidingWindowRateLimiter } from './sliding-window-rate-limiter';

/** Holds each system's fault profile and applies it around the handling of a request. */
@Injectable()
export class FaultInjector implements BeforeApplicationShutdown {
  private readonly profiles = new Map<SimulatedSystem, FaultProfile>();
  private readonly rateLimiters = new Map<SimulatedSystem, SlidingWindowRateLimiter>();
  private readonly pendingPauses = new Set<() => void>();

  constructor(
    @Inject(LEGACY_SIM_CONFIG) private readonly config: LegacySimConfig,
    reset: SimulationReset,
  ) {
    reset.onReset(() => {
      this.profiles.clear();
      this.rateLimiters.clear();
    });
  }

  defaultsOf(system: SimulatedSystem): FaultProfile {
    const defaults = this.config.systems[system];
    const profile: FaultProfile = {
      latencyMs: 0,
      errorRate: 0,
      timeoutRate: 0,
      timeoutHoldMs: defaults.timeoutHoldMs,
      maintenance: false,
      processingMs: defaults.processingMs,
    };
    if (defaults.rateLimitPerSecond !== undefined) {
      profile.rateLimitPerSecond = defaults.rateLimitPerSecond;
    }
    return profile;
  }

  profileOf(system: SimulatedSystem): FaultProfile {
    return { ...(this.profiles.get(system) ?? this.defaultsOf(system)) };
  }

  replace(system: SimulatedSystem, knobs: Partial<FaultProfile>): FaultProfile {
    return this.store(system, { ...this.defaultsOf(system), ...definedOnly(knobs) });
  }

  update(system: SimulatedSystem, knobs: Partial<FaultProfile>): FaultProfile {
    return this.store(system, { ...this.profileOf(system), ...definedOnly(knobs) });
  }

  /**
   * Runs the handling of one request under the system's faults. A "timed-out" request is
   * handled first and only its answer is held back: the caller cannot tell whether it took
   * effect, which is the ambiguity a real timeout leaves.
   */
  async intercept<T>(system: SimulatedSystem, handle: () => T | Promise<T>): Promise<T> {
    const profile = this.profileOf(system);
    this.enforceRateLimit(system, profile);
    if (profile.latencyMs > 0) await this.pause(profile.latencyMs);
    if (profile.maintenance) throw new InjectedFault('maintenance', system);
    if (happens(profile.errorRate)) throw new InjectedFault('busy', system);
    const heldBack = happens(profile.timeoutRate);
    try {
      return await handle();
    } finally {
      if (heldBack) await this.pause(profile.timeoutHoldMs);
    }
  }

  /** Held-back answers go out at once so the server can close without waiting for them. */
  beforeApplicationShutdown(): void {
    for (const release of this.pendingPauses) release();
    this.pendingPauses.clear();
  }

  private store(system: SimulatedSystem, profile: FaultProfile): FaultProfile {
    if (
      profile.rateLimitPerSecond !== undefined &&
      this.config.systems[system].rateLimitPerSecond === undefined
    ) {
      throw new BadRequestException(`${system} has no rate limit`);
    }
    this.profiles.set(system, profile);
    return { ...profile };
  }

  /** A rate limit sits in front of the system: a refused request is not handled nor delayed. */
  private enforceRateLimit(system: SimulatedSystem, profile: FaultProfile): void {
    const limit = profile.rateLimitPerSecond ?? 0;
    if (limit <= 0) return;
    const limiter = this.rateLimiters.get(system) ?? new SlidingWindowRateLimiter();
    this.rateLimiters.set(system, limiter);
    const waitMs = limiter.admit(limit);
    if (waitMs > 0) {
      throw new InjectedFault('rateLimited', system, Math.max(1, Math.ceil(waitMs / 1000)));
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const release = (): void => {
        clearTimeout(timer);
        this.pendingPauses.delete(release);
        resolve();
      };
      const timer = setTimeout(release, ms);
      this.pendingPauses.add(release);
    });
  }
}

function happens(rate: number): boolean {
  return rate > 0 && Math.random() < rate;
}

function definedOnly(knobs: Partial<FaultProfile>): Partial<FaultProfile> {
  return Object.fromEntries(Object.entries(knobs).filter(([, value]) => value !== undefined));
}
