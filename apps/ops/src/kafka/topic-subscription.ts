import { Logger } from '@nestjs/common';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';

const RESTART_DELAY_MS = 1000;

export interface ConsumedBatch {
  topic: string;
  partition: number;
  messages: KafkaMessage[];
}

export interface SubscriptionOptions {
  groupId: string;
  /** Names, or patterns matching the topics that exist when the subscription (re)starts. */
  topics: (string | RegExp)[];
  /** Offsets are committed once it returns; when it throws, the batch is consumed again. */
  handle: (batch: ConsumedBatch) => Promise<void>;
}

/**
 * One consumer group membership, read from the beginning when the group is new. Restarting
 * re-resolves topic patterns: kafkajs matches them only when it subscribes.
 */
export class TopicSubscription {
  private readonly logger: Logger;
  private consumer?: Consumer;
  private closed = false;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: SubscriptionOptions,
  ) {
    this.logger = new Logger(`TopicSubscription ${options.groupId}`);
  }

  async start(): Promise<void> {
    if (this.closed) return;
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      // Bounds how long a stop waits for an idle fetch; new data still returns at once.
      maxWaitTimeInMs: 1000,
      allowAutoTopicCreation: false,
    });
    // Kept before connecting, so that a start failing half way is still disconnected by stop().
    this.consumer = consumer;
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after retriable errors; after any other the group is gone.
      if (payload.restart || this.closed || this.consumer !== consumer) return;
      this.logger.error(`consumer stopped: ${String(payload.error)}; restarting`);
      void this.restartLater(consumer);
    });
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      const assigned = Object.entries(payload.memberAssignment)
        .map(([topic, partitions]) => `${topic} [${partitions.join(',')}]`)
        .join(', ');
      this.logger.log(`joined, reading ${assigned || 'nothing'}`);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        await this.options.handle({
          topic: batch.topic,
          partition: batch.partition,
          messages: batch.messages,
        });
      },
    });
  }

  /** Restarts after a crash, again and again while the broker refuses, until closed. */
  private async restartLater(crashed: Consumer): Promise<void> {
    let current: Consumer | undefined = crashed;
    while (!this.closed && this.consumer === current) {
      await new Promise((resolve) => setTimeout(resolve, RESTART_DELAY_MS));
      if (this.closed || this.consumer !== current) return;
      try {
        await this.restart();
        return;
      } catch (error) {
        this.logger.error(`consumer restart failed: ${String(error)}`);
        current = this.consumer;
      }
    }
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Stops for good: a restart under way when the app shuts down does not start it again. */
  async close(): Promise<void> {
    this.closed = true;
    await this.stop();
  }

  async stop(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    try {
      await consumer?.disconnect();
    } catch (error) {
      this.logger.warn(`consumer disconnect failed: ${String(error)}`);
    }
  }
}
