import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { OpsConfig } from '../config/ops.config';
import { KafkaAdmin } from '../kafka/kafka-admin';
import type { ConsumedBatch, TopicSubscription } from '../kafka/topic-subscription';
import { TopicSubscriptions } from '../kafka/topic-subscriptions';
import { OpsMetrics } from '../metrics/ops-metrics';
import { DeadLetterStore } from './dead-letter.store';
import { agencyOfDeadLetterTopic, DEAD_LETTER_TOPICS } from './dead-letter-topics';
import { readParkedMessage } from './parked-message';

/**
 * Consumes every agency's dead-letter topic by pattern. kafkajs resolves a pattern only when it
 * subscribes, so the broker is asked every OPS_TOPIC_REFRESH_MS for dead-letter topics that
 * appeared since (a new agency's), and the subscription restarts to include them.
 */
@Injectable()
export class DeadLetterIngestion implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeadLetterIngestion.name);
  private readonly subscription: TopicSubscription;
  private readonly refreshMs: number;
  private subscribedTo = new Set<string>();
  private refreshTimer?: NodeJS.Timeout;
  private refreshing = Promise.resolve();
  private stopped = false;

  constructor(
    subscriptions: TopicSubscriptions,
    config: ConfigService<OpsConfig, true>,
    private readonly admin: KafkaAdmin,
    private readonly store: DeadLetterStore,
    private readonly metrics: OpsMetrics,
  ) {
    this.refreshMs = config.get('OPS_TOPIC_REFRESH_MS', { infer: true });
    this.subscription = subscriptions.add(
      {
        groupId: config.get('OPS_DEAD_LETTER_GROUP_ID', { infer: true }),
        topics: [DEAD_LETTER_TOPICS],
        handle: (batch) => this.ingest(batch),
      },
      { startWithApp: false },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.refreshTimer = setInterval(() => {
      this.refreshing = this.refreshing
        .then(() => this.refresh())
        .catch((error: unknown) => {
          this.logger.warn(`dead-letter topics not refreshed: ${String(error)}`);
        });
    }, this.refreshMs);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.refreshTimer);
    await this.refreshing;
  }

  /** (Re)subscribes when the set of dead-letter topics on the broker changed. */
  private async refresh(): Promise<void> {
    const topics = new Set(
      (await (await this.admin.connected()).listTopics()).filter((topic) =>
        DEAD_LETTER_TOPICS.test(topic),
      ),
    );
    const changed =
      topics.size !== this.subscribedTo.size ||
      [...topics].some((topic) => !this.subscribedTo.has(topic));
    if (!changed || this.stopped) return;
    // A consumer group joined with no topic at all is of no use; wait for the first one.
    if (topics.size === 0) {
      await this.subscription.stop();
    } else {
      this.logger.log(`consuming ${topics.size} dead-letter topics`);
      await this.subscription.restart();
    }
    // Only once the subscription took them: a failed restart is tried again at the next refresh.
    this.subscribedTo = topics;
  }

  private async ingest({ topic, partition, messages }: ConsumedBatch): Promise<void> {
    const agency = agencyOfDeadLetterTopic(topic);
    if (!agency) return;
    const stored = await this.store.ingest(
      messages.map((message) => readParkedMessage(agency, topic, partition, message)),
    );
    this.metrics.stored('dead-letters', stored);
  }
}
