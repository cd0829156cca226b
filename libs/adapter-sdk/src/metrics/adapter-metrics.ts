import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@mpp/observability';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';

export type LegacyCallOutcome = 'ok' | 'refused' | 'unavailable' | 'throttled' | 'error';
export type MessageOutcome = 'handled' | 'duplicate' | 'refused' | 'dead_lettered';
export type CircuitState = 'closed' | 'half_open' | 'open';

const CIRCUIT_STATE_VALUE: Record<CircuitState, number> = { closed: 0, half_open: 1, open: 2 };

/** The adapter's Prometheus metrics; names are documented in docs/operations.md. */
@Injectable()
export class AdapterMetrics {
  private readonly messages: Counter<'type' | 'outcome'>;
  private readonly legacyCalls: Histogram<'system' | 'operation' | 'outcome'>;
  private readonly circuit: Gauge<'system'>;
  private readonly paused: Gauge<'topic'>;
  private readonly statuses: Counter<'status'>;
  private readonly deadLetters: Counter<'reason'>;

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    const registers = [registry];
    this.messages = new Counter({
      name: 'mpp_adapter_messages_total',
      help: 'Application messages consumed, by event type and outcome.',
      labelNames: ['type', 'outcome'],
      registers,
    });
    this.legacyCalls = new Histogram({
      name: 'mpp_adapter_legacy_call_duration_seconds',
      help: 'Calls into the legacy system, by operation and outcome.',
      labelNames: ['system', 'operation', 'outcome'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.circuit = new Gauge({
      name: 'mpp_adapter_circuit_state',
      help: 'Circuit breaker in front of the legacy system: 0 closed, 1 half-open, 2 open.',
      labelNames: ['system'],
      registers,
    });
    this.paused = new Gauge({
      name: 'mpp_adapter_consumption_paused',
      help: '1 while consumption of the topic is paused because the legacy system is down.',
      labelNames: ['topic'],
      registers,
    });
    this.statuses = new Counter({
      name: 'mpp_adapter_status_emitted_total',
      help: 'Canonical statuses emitted on mpp.status.',
      labelNames: ['status'],
      registers,
    });
    this.deadLetters = new Counter({
      name: 'mpp_adapter_dead_letters_total',
      help: 'Messages parked on the dead-letter topic, by reason.',
      labelNames: ['reason'],
      registers,
    });
  }

  messageHandled(type: string, outcome: MessageOutcome): void {
    this.messages.inc({ type, outcome });
  }

  legacyCall(system: string, operation: string, outcome: LegacyCallOutcome, seconds: number): void {
    this.legacyCalls.observe({ system, operation, outcome }, seconds);
  }

  circuitState(system: string, state: CircuitState): void {
    this.circuit.set({ system }, CIRCUIT_STATE_VALUE[state]);
  }

  consumptionPaused(topic: string, paused: boolean): void {
    this.paused.set({ topic }, paused ? 1 : 0);
  }

  statusEmitted(status: string): void {
    this.statuses.inc({ status });
  }

  deadLettered(reason: string): void {
    this.deadLetters.inc({ reason });
  }
}
