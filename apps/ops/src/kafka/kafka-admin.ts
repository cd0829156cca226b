import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { sharedTopicSpecs } from '@mpp/contracts';
import { KAFKA_CLIENT, provisionTopics } from '@mpp/kafka';
import type { Admin, Kafka } from 'kafkajs';

/** One admin connection of the ops app, opened on first use and kept. */
@Injectable()
export class KafkaAdmin implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaAdmin.name);
  private admin?: Promise<Admin>;
  private sharedTopics?: Promise<void>;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  connected(): Promise<Admin> {
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((error: unknown) => {
      this.admin = undefined;
      throw error;
    });
    return this.admin;
  }

  /** The shared topics ops consumes exist before a consumer subscribes to them. */
  ensureSharedTopics(): Promise<void> {
    this.sharedTopics ??= this.connected()
      .then((admin) => provisionTopics(admin, sharedTopicSpecs()))
      .then(() => undefined)
      .catch((error: unknown) => {
        this.sharedTopics = undefined;
        throw error;
      });
    return this.sharedTopics;
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.admin) return;
    try {
      await (await this.admin).disconnect();
    } catch (error) {
      this.logger.warn(`admin disconnect failed: ${String(error)}`);
    }
  }
}
