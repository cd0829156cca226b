import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_SPEC_VERSION, EventTypes, Topics, type FlowRecord } from '@mpp/contracts';
import { CloudEventPublisher } from '@mpp/kafka';
import { METRICS_REGISTRY } from '@mpp/observability';
import { Counter, type Registry } from 'prom-client';
import { FLOW_COMPONENT, type FlowComponent } from './flow-component';

/** What a component says about a hop; the recorder adds id, component, instance and time. */
export type FlowNote = Omit<FlowRecord, 'id' | 'component' | 'instance' | 'at'> & { at?: string };

const FLUSH_INTERVAL_MS = 200;
const BATCH = 500;
/** Beyond this many unsent records the oldest are dropped: the main path never waits. */
const CAPACITY = 20000;
const SHUTDOWN_FLUSH_MS = 3000;

/**
 * Records hops on `mpp.flow` without slowing the path that makes them: `record` only queues;
 * a timer publishes batches in the background. If Kafka is unreachable the queue keeps the
 * newest records up to its capacity and counts what it had to drop.
 */
@Injectable()
export class FlowRecorder implements OnApplicationShutdown {
  private readonly logger = new Logger(FlowRecorder.name);
  private queue: FlowRecord[] = [];
  private flushing?: Promise<void>;
  private readonly timer: NodeJS.Timeout;
  private readonly dropped: Counter;
  private readonly published: Counter;

  constructor(
    private readonly publisher: CloudEventPublisher,
    @Inject(FLOW_COMPONENT) private readonly component: FlowComponent,
    @Inject(METRICS_REGISTRY) registry: Registry,
  ) {
    this.dropped = new Counter({
      name: 'mpp_flow_records_dropped_total',
      help: 'Flow records dropped because mpp.flow could not take them in time.',
      registers: [registry],
    });
    this.published = new Counter({
      name: 'mpp_flow_records_published_total',
      help: 'Flow records published on mpp.flow.',
      registers: [registry],
    });
    this.timer = setInterval(() => void this.flush(), FLUSH_INTERVAL_MS);
    this.timer.unref();
  }

  record(note: FlowNote): void {
    this.queue.push({
      ...note,
      id: randomUUID(),
      component: this.component.name,
      instance: this.component.instance,
      at: note.at ?? new Date().toISOString(),
    });
    if (this.queue.length > CAPACITY) {
      const excess = this.queue.length - CAPACITY;
      this.queue.splice(0, excess);
      this.dropped.inc(excess);
    }
    if (this.queue.length >= BATCH) void this.flush();
  }

  /** Publishes what is queued; resolves when the queue is empty or a publish failed. */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await Promise.race([
      this.flush(),
      new Promise((resolve) => setTimeout(resolve, SHUTDOWN_FLUSH_MS).unref()),
    ]);
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, BATCH);
      try {
        await this.publisher.publish(
          batch.map((record) => ({
            topic: Topics.flow,
            key: record.applicationId ?? record.agency ?? record.component,
            event: {
              id: record.id,
              source: `/mpp/${record.component}`,
              type: EventTypes.flowRecorded,
              specversion: CLOUDEVENTS_SPEC_VERSION,
              time: record.at,
              subject: record.applicationId,
              correlationid: record.correlationId,
              data: record,
            },
          })),
        );
      } catch (error) {
        this.logger.warn(
          `flow records not published yet (${this.queue.length} queued): ${String(error)}`,
        );
        return;
      }
      this.queue.splice(0, batch.length);
      this.published.inc(batch.length);
    }
  }
}
