import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  agencyTopicSpecs,
  CLOUDEVENTS_SPEC_VERSION,
  EventSources,
  EventTypes,
  RegistryKeys,
  sharedTopicSpecs,
  Topics,
  type AdapterHeartbeat,
  type CloudEvent,
} from '@mpp/contracts';
import { CloudEventPublisher, KAFKA_CLIENT, provisionTopics } from '@mpp/kafka';
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import type { AdapterConfig } from '../config/adapter.config';
import { AGENCY, CIVIL_REGISTRY_SERVICES } from '../services/civil-registry-services';

/**
 * Makes the adapter's services known: provisions its topics, announces each service descriptor
 * on the compacted registry topic, and sends a heartbeat per instance while it runs.
 */
@Injectable()
export class RegistryAnnouncer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegistryAnnouncer.name);
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: CloudEventPublisher,
    private readonly config: ConfigService<AdapterConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await provisionTopics(admin, [...sharedTopicSpecs(), ...agencyTopicSpecs(AGENCY)]);
    } finally {
      await admin.disconnect();
    }
    await this.publisher.publish(
      CIVIL_REGISTRY_SERVICES.map(({ descriptor }) => ({
        topic: Topics.registry,
        key: RegistryKeys.service(descriptor.code),
        event: this.event(EventTypes.serviceAnnounced, descriptor),
      })),
    );
    await this.heartbeat();
    const interval = this.config.get('HEARTBEAT_INTERVAL_MS', { infer: true });
    this.timer = setInterval(() => {
      this.heartbeat().catch((error: unknown) =>
        this.logger.warn(`heartbeat failed: ${String(error)}`),
      );
    }, interval);
    this.logger.log(`announced ${CIVIL_REGISTRY_SERVICES.length} services`);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    // A last heartbeat that expires at once: the instance leaves without waiting for its TTL.
    await this.heartbeat(0).catch(() => undefined);
  }

  private async heartbeat(
    ttlMs = this.config.get('HEARTBEAT_INTERVAL_MS', { infer: true }) * 3,
  ): Promise<void> {
    const instanceId = this.config.get('ADAPTER_INSTANCE_ID', { infer: true });
    const beat: AdapterHeartbeat = {
      agency: AGENCY,
      instanceId,
      services: CIVIL_REGISTRY_SERVICES.map(({ descriptor }) => descriptor.code),
      startedAt: this.startedAt,
      sentAt: new Date().toISOString(),
      ttlMs,
    };
    await this.publisher.publish([
      {
        topic: Topics.registry,
        key: RegistryKeys.instance(AGENCY, instanceId),
        event: this.event(EventTypes.adapterHeartbeat, beat),
      },
    ]);
  }

  private event(type: string, data: unknown): CloudEvent {
    return {
      id: randomUUID(),
      source: EventSources.adapter(AGENCY),
      type,
      specversion: CLOUDEVENTS_SPEC_VERSION,
      time: new Date().toISOString(),
      data,
    };
  }
}
