import { Inject, Injectable, Logger } from '@nestjs/common';
import { Topics } from '@mpp/contracts';
import type { Consumer } from 'kafkajs';
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import { AdapterMetrics } from '../metrics/adapter-metrics';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';

/**
 * Pauses consumption of the agency topic while the circuit to the legacy system is open, and
 * resumes it when the circuit closes: messages wait in Kafka instead of being tried and parked.
 * The consumer is the one the NestJS transport delivers messages with, known from the first.
 */
@Injectable()
export class ConsumptionSwitch {
  private readonly logger = new Logger(ConsumptionSwitch.name);
  private readonly topic: string;
  private consumer?: Consumer;

  constructor(
    private readonly guard: LegacySystemGuard,
    @Inject(ADAPTER_RUNTIME_CONFIG) config: AdapterRuntimeConfig,
    private readonly metrics: AdapterMetrics,
  ) {
    this.topic = Topics.applicationsOf(config.agency);
    this.metrics.consumptionPaused(this.topic, false);
    guard.onStateChange((state) => {
      if (state === 'open') this.pause();
      if (state === 'closed') this.resume();
    });
  }

  /** Called with the consumer of each delivered message; the first one is kept. */
  attach(consumer: Consumer): void {
    if (this.consumer) return;
    this.consumer = consumer;
    if (this.guard.state === 'open') this.pause();
  }

  get paused(): boolean {
    return this.consumer?.paused().some((entry) => entry.topic === this.topic) ?? false;
  }

  private pause(): void {
    if (!this.consumer) return;
    this.consumer.pause([{ topic: this.topic }]);
    this.metrics.consumptionPaused(this.topic, true);
    this.logger.warn(`consumption of ${this.topic} paused until the legacy system answers`);
  }

  private resume(): void {
    if (!this.consumer) return;
    this.consumer.resume([{ topic: this.topic }]);
    this.metrics.consumptionPaused(this.topic, false);
    this.logger.log(`consumption of ${this.topic} resumed`);
  }
}
