import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import {
  agencyOfServiceCode,
  EventTypes,
  isServiceCode,
  Topics,
  type AdapterHeartbeat,
  type ServiceDescriptor,
} from '@mpp/contracts';
import { decodeCloudEvent, KAFKA_CLIENT } from '@mpp/kafka';
import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { GatewayConfig } from '../config/gateway.config';
import { ServiceCatalog } from './service-catalog';

/**
 * Reads the compacted registry topic from the beginning, as every gateway instance must know
 * every service: hence a consumer group of its own per instance.
 */
@Injectable()
export class RegistryListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RegistryListener.name);
  private consumer?: Consumer;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly catalog: ServiceCatalog,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.get('GATEWAY_ROLES', { infer: true }).includes('catalog')) return;
    const instance = this.config.get('GATEWAY_INSTANCE_ID', { infer: true });
    this.consumer = this.kafka.consumer({
      groupId: `mpp-gateway-catalog-${instance}`,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      maxWaitTimeInMs: 1000,
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: Topics.registry, fromBeginning: true });
    await this.consumer.run({ eachMessage: ({ message }) => this.onMessage(message) });
  }

  async onMessage(message: KafkaMessage): Promise<void> {
    const key = message.key?.toString() ?? '';
    if (message.value === null) {
      if (key.startsWith('service:')) await this.catalog.withdraw(key.slice('service:'.length));
      return;
    }
    try {
      const event = decodeCloudEvent<unknown>({ headers: message.headers, value: message.value });
      if (event.type === EventTypes.serviceAnnounced) {
        const descriptor = event.data as ServiceDescriptor;
        if (!isAnnouncement(descriptor)) throw new Error('not a service descriptor');
        await this.catalog.announce(descriptor, new Date(event.time));
      } else if (event.type === EventTypes.adapterHeartbeat) {
        this.catalog.heartbeat(event.data as AdapterHeartbeat);
      }
    } catch (error) {
      // A bad registry record must not stop the catalog from learning the others.
      this.logger.warn(`ignored registry record ${key}: ${String(error)}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

function isAnnouncement(value: ServiceDescriptor): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    isServiceCode(value.code) &&
    agencyOfServiceCode(value.code) === value.agency &&
    typeof value.dataSchema === 'object' &&
    value.dataSchema !== null &&
    typeof value.name?.id === 'string' &&
    typeof value.name?.en === 'string'
  );
}
