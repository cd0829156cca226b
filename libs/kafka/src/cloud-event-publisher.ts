import { Inject, Injectable, Logger, OnApplicationShutdown, Optional } from '@nestjs/common';
import { Counter, type Registry } from 'prom-client';
import type { CloudEvent } from '@mpp/contracts';
import { CompressionTypes, Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { encodeCloudEvent } from './cloud-event-codec';
import { KAFKA_CLIENT } from './kafka.tokens';
import { METRICS_REGISTRY } from '@mpp/observability';

export interface OutgoingEvent {
  topic: string;
  key: string;
  event: CloudEvent;
}

export interface PublishedEvent extends OutgoingEvent {
  partition: number;
  offset: string;
}

const partitionOf = Partitioners.DefaultPartitioner();

/**
 * Publishes CloudEvents with an idempotent producer: retries never duplicate or reorder
 * messages within a partition, which the per-application order depends on. Partitions are
 * chosen here with Kafka's default key hash so every published event knows its offset.
 */
@Injectable()
export class CloudEventPublisher implements OnApplicationShutdown {
  private readonly logger = new Logger(CloudEventPublisher.name);
  private producer?: Promise<Producer>;
  private readonly partitionCounts = new Map<string, number>();

  private readonly produced?: Counter<'topic'>;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    @Optional() @Inject(METRICS_REGISTRY) registry?: Registry,
  ) {
    if (registry) {
      this.produced = new Counter({
        name: 'mpp_kafka_messages_produced_total',
        help: 'Messages acknowledged by Kafka, by topic.',
        labelNames: ['topic'],
        registers: [registry],
      });
    }
  }

  async publish(events: OutgoingEvent[]): Promise<PublishedEvent[]> {
    if (events.length === 0) return [];
    const producer = await this.connectedProducer();
    const placed = await this.placeOnPartitions(events);
    const byTopic = new Map<string, Message[]>();
    for (const item of placed) {
      const messages = byTopic.get(item.topic) ?? [];
      messages.push({ ...encodeCloudEvent(item.event, item.key), partition: item.partition });
      byTopic.set(item.topic, messages);
    }
    const metadata = await producer.sendBatch({
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      acks: -1,
      compression: CompressionTypes.GZIP,
    });
    const baseOffsets = new Map(
      metadata.map((record) => [
        `${record.topicName}:${record.partition}`,
        BigInt(record.baseOffset ?? '-1'),
      ]),
    );
    for (const item of placed) this.produced?.inc({ topic: item.topic });
    const nextIndex = new Map<string, bigint>();
    return placed.map((item) => {
      const slot = `${item.topic}:${item.partition}`;
      const index = nextIndex.get(slot) ?? 0n;
      nextIndex.set(slot, index + 1n);
      const base = baseOffsets.get(slot);
      const offset = base === undefined || base < 0n ? '-1' : String(base + index);
      return { ...item, offset };
    });
  }

  /**
   * Sends messages exactly as given (key, value, headers), e.g. one parked unchanged on a
   * dead-letter topic or replayed from it.
   */
  async sendAsIs(topic: string, messages: Message[]): Promise<void> {
    const producer = await this.connectedProducer();
    await producer.send({ topic, messages, acks: -1 });
    this.produced?.inc({ topic }, messages.length);
  }

  private async placeOnPartitions(events: OutgoingEvent[]): Promise<PublishedEvent[]> {
    const placed: PublishedEvent[] = [];
    for (const event of events) {
      const count = await this.partitionCount(event.topic);
      const partitionMetadata = Array.from({ length: count }, (_, partitionId) => ({
        partitionId,
        leader: 0,
        partitionErrorCode: 0,
        replicas: [],
        isr: [],
      }));
      const partition = partitionOf({
        topic: event.topic,
        partitionMetadata,
        message: { key: event.key, value: null },
      });
      placed.push({ ...event, partition, offset: '-1' });
    }
    return placed;
  }

  private async partitionCount(topic: string): Promise<number> {
    const known = this.partitionCounts.get(topic);
    if (known) return known;
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      const count = topics[0]?.partitions.length ?? 0;
      if (count === 0) throw new Error(`topic ${topic} has no partitions`);
      this.partitionCounts.set(topic, count);
      return count;
    } finally {
      await admin.disconnect();
    }
  }

  private connectedProducer(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
      });
      await producer.connect();
      return producer;
    })().catch((error: unknown) => {
      this.producer = undefined;
      throw error;
    });
    return this.producer;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.producer) return;
    try {
      await (await this.producer).disconnect();
    } catch (error) {
      this.logger.warn(`producer disconnect failed: ${String(error)}`);
    }
  }
}
