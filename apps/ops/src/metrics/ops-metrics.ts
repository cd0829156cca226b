import { Inject, Injectable } from '@nestjs/common';
import { METRICS_REGISTRY } from '@mpp/observability';
import { Counter, Gauge, type Registry } from 'prom-client';
import { DeadLetterStore } from '../dead-letters/dead-letter.store';
import { ConsumerLagReader } from '../health/consumer-lag';

/** The ops app's own Prometheus metrics; docs/operations.md lists them. */
@Injectable()
export class OpsMetrics {
  private readonly ingested: Counter<'source'>;
  private readonly rejected: Counter<'source'>;
  private readonly handled: Counter<'action'>;

  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    deadLetters: DeadLetterStore,
    consumerLag: ConsumerLagReader,
  ) {
    const registers = [registry];
    this.ingested = new Counter({
      name: 'mpp_ops_ingested_total',
      help: 'Messages stored by ops, by source: flow records, registry records, dead letters.',
      labelNames: ['source'],
      registers,
    });
    this.rejected = new Counter({
      name: 'mpp_ops_rejected_total',
      help: 'Messages ops could not read and skipped, by source.',
      labelNames: ['source'],
      registers,
    });
    this.handled = new Counter({
      name: 'mpp_ops_dead_letters_handled_total',
      help: 'Dead letters an operator replayed or discarded.',
      labelNames: ['action'],
      registers,
    });
    new Gauge({
      name: 'mpp_ops_dead_letters_parked',
      help: 'Dead letters waiting for an operator, by agency.',
      labelNames: ['agency'],
      registers,
      // Read from the store at scrape time, so every ops instance reports the same figure.
      async collect() {
        this.reset();
        for (const [agency, parked] of await deadLetters.parkedByAgency()) {
          this.set({ agency }, parked);
        }
      },
    });
    new Gauge({
      name: 'mpp_ops_consumer_lag',
      help: 'Messages a consumer group has yet to read, by topic (groups of OPS_LAG_GROUP_PREFIXES).',
      labelNames: ['group', 'topic'],
      registers,
      async collect() {
        this.reset();
        try {
          for (const group of await consumerLag.read()) {
            const byTopic = new Map<string, number>();
            for (const { topic, lag } of group.partitions) {
              byTopic.set(topic, (byTopic.get(topic) ?? 0) + lag);
            }
            for (const [topic, lag] of byTopic) this.set({ group: group.groupId, topic }, lag);
          }
        } catch {
          // Kafka unreachable: the scrape goes on without lag, whose absence is itself alertable.
        }
      },
    });
  }

  stored(source: IngestSource, count: number): void {
    if (count > 0) this.ingested.inc({ source }, count);
  }

  skipped(source: IngestSource): void {
    this.rejected.inc({ source });
  }

  deadLettersHandled(action: 'replayed' | 'discarded', count: number): void {
    this.handled.inc({ action }, count);
  }
}

export type IngestSource = 'flow' | 'registry' | 'dead-letters';
