import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Topics } from '@mpp/contracts';
import { KAFKA_CLIENT, MessageParking, unreadableReason, type ConsumedMessage } from '@mpp/kafka';
import type { Consumer, Kafka } from 'kafkajs';
import type { GatewayConfig } from '../config/gateway.config';
import { readRegistryRecord, type RegistryRecord } from './registry-record';
import { ServiceCatalog } from './service-catalog';

const CONSUMER = 'gateway.catalog';

/**
 * Reads the compacted registry topic from the beginning, as every gateway instance must know
 * every service: hence a consumer group of its own per instance.
 */
@Injectable()
export class RegistryListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private consumer?: Consumer;

  constructor(
    @Inject(KAFKA_CLIENT) private readonly kafka: Kafka,
    private readonly catalog: ServiceCatalog,
    private readonly config: ConfigService<GatewayConfig, true>,
    private readonly parking: MessageParking,
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
    await this.consumer.run({
      eachMessage: ({ topic, partition, message }) => this.onMessage({ topic, partition, message }),
    });
  }

  /** A record the catalog cannot use is parked, so the others are still learnt. */
  async onMessage(consumed: ConsumedMessage): Promise<void> {
    let record: RegistryRecord;
    try {
      record = readRegistryRecord(consumed.message);
    } catch (error) {
      await this.parking.park(CONSUMER, consumed, unreadableReason(error), error);
      return;
    }
    switch (record.kind) {
      case 'service':
        await this.catalog.announce(record.descriptor, record.announcedAt);
        break;
      case 'withdrawn':
        await this.catalog.withdraw(record.code);
        break;
      case 'heartbeat':
        this.catalog.heartbeat(record.beat);
        break;
      case 'instance-gone':
        break;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
