import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { KAFKA_CLIENT } from '@mpp/kafka';
import type { Kafka } from 'kafkajs';
import { KafkaAdmin } from './kafka-admin';
import { TopicSubscription, type SubscriptionOptions } from './topic-subscription';

/**
 * The consumer group memberships of the ops app: started once the app is up and the shared
 * topics exist, closed when it shuts down.
 */
@Injectable()
export class TopicSubscriptions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly subscriptions: { subscription: TopicSubscription; startWithApp: boolean }[] = [];

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly admin: KafkaAdmin,
  ) {}

  /** A subscription the app starts, or, with `startWithApp: false`, one its owner starts. */
  add(options: SubscriptionOptions, { startWithApp = true } = {}): TopicSubscription {
    const subscription = new TopicSubscription(this.kafka, options);
    this.subscriptions.push({ subscription, startWithApp });
    return subscription;
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.admin.ensureSharedTopics();
    await Promise.all(
      this.subscriptions
        .filter(({ startWithApp }) => startWithApp)
        .map(({ subscription }) => subscription.start()),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.subscriptions.map(({ subscription }) => subscription.close()));
  }
}
