import { setTimeout as delay } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { FlowHops } from '@mpp/contracts';
import { FlowRecorder, traceIdOf } from '@mpp/flow';
import { Sema } from 'async-sema';
import CircuitBreaker from 'opossum';
import { HOLD_HEARTBEAT_MS, type Hold } from './hold';
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import { runLegacyCall, type LegacyExchange } from '../legacy/legacy-call-context';
import {
  LEGACY_CONNECTOR,
  type LegacyCall,
  type LegacyConnector,
} from '../legacy/legacy-connector';
import { LegacyRefusal, LegacyThrottled, LegacyUnavailable } from '../legacy/legacy-errors';
import {
  AdapterMetrics,
  type CircuitState,
  type LegacyCallOutcome,
} from '../metrics/adapter-metrics';

type Thunk = () => Promise<unknown>;

/**
 * Every call into the legacy system passes here: it is timed, counted, and guarded by a circuit
 * breaker. When too many calls find the system unavailable the circuit opens, calls stop, and
 * a probe is sent every probe interval; the first probe that succeeds closes it again.
 */
@Injectable()
export class LegacySystemGuard implements OnModuleDestroy {
  private readonly logger = new Logger(LegacySystemGuard.name);
  private readonly breaker: CircuitBreaker<[Thunk], unknown>;
  private readonly listeners = new Set<(state: CircuitState) => void>();
  private closedWaiters: (() => void)[] = [];
  private readonly messageCallSlots: Sema;

  constructor(
    @Inject(LEGACY_CONNECTOR) private readonly connector: LegacyConnector,
    @Inject(ADAPTER_RUNTIME_CONFIG) private readonly config: AdapterRuntimeConfig,
    private readonly metrics: AdapterMetrics,
    private readonly flow: FlowRecorder,
  ) {
    this.messageCallSlots = new Sema(config.legacyConcurrency);
    this.breaker = new CircuitBreaker((call: Thunk) => call(), {
      timeout: false,
      errorThresholdPercentage: config.breaker.errorPercent,
      volumeThreshold: config.breaker.minCalls,
      rollingCountTimeout: config.breaker.windowMs,
      resetTimeout: config.breaker.probeIntervalMs,
      // Only an unavailable system counts against the circuit; refusals and throttling do not.
      errorFilter: (error: unknown) =>
        !(error instanceof LegacyUnavailable) || error instanceof LegacyThrottled,
    });
    this.breaker.on('open', () => this.changed('open'));
    this.breaker.on('halfOpen', () => {
      this.changed('half_open');
      void this.probe();
    });
    this.breaker.on('close', () => this.changed('closed'));
    this.metrics.circuitState(connector.system, 'closed');
  }

  get system(): string {
    return this.connector.system;
  }

  get state(): CircuitState {
    if (this.breaker.closed) return 'closed';
    return this.breaker.halfOpen ? 'half_open' : 'open';
  }

  onStateChange(listener: (state: CircuitState) => void): void {
    this.listeners.add(listener);
  }

  /**
   * Calls the legacy system through the circuit. While the circuit is not closed the call is not
   * made and fails as `LegacyUnavailable`.
   */
  async call<T>(
    operation: string,
    call: LegacyCall,
    action: (connector: LegacyConnector) => Promise<T>,
  ): Promise<T> {
    if (!this.isClosed()) {
      throw new LegacyUnavailable(`circuit to ${this.system} is open`);
    }
    return this.timed(
      operation,
      call,
      () => this.breaker.fire(() => action(this.connector)) as Promise<T>,
    );
  }

  /**
   * A call made while handling a message of the agency topic. Besides the circuit it waits for
   * one of ADAPTER_LEGACY_CONCURRENCY slots: more partitions than slots are handled at once, so
   * that one message's bookkeeping overlaps another's call and the slots the agency allows stay
   * busy.
   */
  async callForMessage<T>(
    operation: string,
    call: LegacyCall,
    action: (connector: LegacyConnector) => Promise<T>,
  ): Promise<T> {
    await this.messageCallSlots.acquire();
    try {
      return await this.call(operation, call, action);
    } finally {
      this.messageCallSlots.release();
    }
  }

  /** Resolves once the circuit is closed, heartbeating meanwhile; rejects when the hold is aborted. */
  async whenClosed(hold: Hold = {}): Promise<void> {
    if (this.isClosed()) return;
    const closed = new Promise<void>((resolve) => this.closedWaiters.push(resolve));
    while (!this.isClosed()) {
      hold.signal?.throwIfAborted();
      const beat = new AbortController();
      const signal = hold.signal ? AbortSignal.any([hold.signal, beat.signal]) : beat.signal;
      try {
        await Promise.race([closed, delay(HOLD_HEARTBEAT_MS, undefined, { signal })]);
      } catch (error) {
        if (hold.signal?.aborted) throw hold.signal.reason;
        throw error;
      } finally {
        beat.abort();
      }
      if (!this.isClosed()) await hold.heartbeat?.();
    }
  }

  isClosed(): boolean {
    return this.breaker.closed;
  }

  onModuleDestroy(): void {
    this.breaker.shutdown();
    this.releaseWaiters();
  }

  private async probe(): Promise<void> {
    try {
      await this.timed('probe', {}, () => this.breaker.fire(() => this.connector.probe({})));
    } catch (error) {
      this.logger.warn(`${this.system} still unavailable: ${String(error)}`);
    }
  }

  private async timed<T>(operation: string, call: LegacyCall, run: () => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    const exchange: LegacyExchange = {};
    let outcome: LegacyCallOutcome = 'ok';
    try {
      return await runLegacyCall(call, exchange, run);
    } catch (error) {
      outcome = outcomeOf(error);
      if (error instanceof LegacyRefusal && error.code) exchange.faultCode ??= error.code;
      throw error;
    } finally {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.legacyCall(this.system, operation, outcome, seconds);
      this.flow.record({
        hop: FlowHops.legacyCall,
        applicationId: call.applicationId,
        serviceCode: call.serviceCode,
        agency: this.config.agency,
        correlationId: call.correlationId,
        traceId: traceIdOf(call.traceparent),
        durationMs: Math.round(seconds * 1000),
        outcome,
        detail: {
          system: this.system,
          operation,
          httpStatus: exchange.httpStatus ?? null,
          faultCode: exchange.faultCode ?? null,
          requestBytes: exchange.requestBytes ?? null,
          responseBytes: exchange.responseBytes ?? null,
        },
      });
    }
  }

  private changed(state: CircuitState): void {
    this.metrics.circuitState(this.system, state);
    if (state === 'open') this.logger.warn(`circuit to ${this.system} opened`);
    if (state === 'closed') {
      this.logger.log(`circuit to ${this.system} closed`);
      this.releaseWaiters();
    }
    for (const listener of this.listeners) listener(state);
  }

  private releaseWaiters(): void {
    const waiters = this.closedWaiters;
    this.closedWaiters = [];
    for (const resolve of waiters) resolve();
  }
}

function outcomeOf(error: unknown): LegacyCallOutcome {
  if (error instanceof LegacyRefusal) return 'refused';
  if (error instanceof LegacyThrottled) return 'throttled';
  if (error instanceof LegacyUnavailable) return 'unavailable';
  return 'error';
}
