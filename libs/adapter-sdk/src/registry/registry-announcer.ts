import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleDestroy,
} from '@nestjs/common';
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
import {
  ADAPTER_RUNTIME_CONFIG,
  type AdapterRuntimeConfig,
} from '../config/adapter-runtime.config';
import { ConsumptionSwitch } from '../consumption/consumption-switch';
import { ADAPTER_DEFINITION, type AdapterDefinition } from '../definition/adapter-definition';
import { LegacySystemGuard } from '../resilience/legacy-system-guard';

/**
 * Makes the adapter's services known: provisions its topics, announces each service descriptor
 * on the compacted registry topic, and sends a heartbeat per instance while it runs.
 */
@Injectable()
export class RegistryAnnouncer
  implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown
{
  private readonly logger = new Logger(RegistryAnnouncer.name);
  private readonly startedAt = new Date().toISOString();
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly publisher: CloudEventPublisher,
    @Inject(ADAPTER_DEFINITION) private readonly definition: AdapterDefinition,
    @Inject(ADAPTER_RUNTIME_CONFIG) private readonly config: AdapterRuntimeConfig,
    private readonly guard: LegacySystemGuard,
    private readonly consumption: ConsumptionSwitch,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      await provisionTopics(admin, [
        ...sharedTopicSpecs(),
        ...agencyTopicSpecs(this.definition.agency),
      ]);
    } finally {
      await admin.disconnect();
    }
    await this.publisher.publish(
      this.definition.services.map((descriptor) => ({
        topic: Topics.registry,
        key: RegistryKeys.service(descriptor.code),
        event: this.event(EventTypes.serviceAnnounced, descriptor),
      })),
    );
    await this.heartbeat();
    // Operators see a circuit opening at once, not at the next beat.
    this.guard.onStateChange(() => {
      this.heartbeat().catch((error: unknown) =>
        this.logger.warn(`heartbeat failed: ${String(error)}`),
      );
    });
    this.timer = setInterval(() => {
      this.heartbeat().catch((error: unknown) =>
        this.logger.warn(`heartbeat failed: ${String(error)}`),
      );
    }, this.config.heartbeatIntervalMs);
    this.logger.log(`announced ${this.definition.services.length} services`);
  }

  /** At the first shutdown step: no beat follows the last one, however the later steps go. */
  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async onApplicationShutdown(): Promise<void> {
    // A last heartbeat that expires at once: the instance leaves without waiting for its TTL.
    await this.heartbeat(0).catch(() => undefined);
  }

  private async heartbeat(ttlMs = this.config.heartbeatIntervalMs * 3): Promise<void> {
    const { agency } = this.definition;
    const beat: AdapterHeartbeat = {
      agency,
      instanceId: this.config.instanceId,
      services: this.definition.services.map((descriptor) => descriptor.code),
      startedAt: this.startedAt,
      sentAt: new Date().toISOString(),
      ttlMs,
      legacyCircuit: this.guard.state,
      consumptionPaused: this.consumption.paused,
    };
    await this.publisher.publish([
      {
        topic: Topics.registry,
        key: RegistryKeys.instance(agency, this.config.instanceId),
        event: this.event(EventTypes.adapterHeartbeat, beat),
      },
    ]);
  }

  private event(type: string, data: unknown): CloudEvent {
    return {
      id: randomUUID(),
      source: EventSources.adapter(this.definition.agency),
      type,
      specversion: CLOUDEVENTS_SPEC_VERSION,
      time: new Date().toISOString(),
      data,
    };
  }
}
