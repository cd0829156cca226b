import type { KafkaOptions } from '@nestjs/microservices';
import { Transport } from '@nestjs/microservices';
import { Partitioners } from 'kafkajs';
import { kafkaConnectionFromEnv, toKafkaConfig } from './kafka-connection';

export interface ConsumerSettings {
  clientId: string;
  groupId: string;
  /** Partitions handled at once; order within a partition (one application) always holds. */
  partitionsConsumedConcurrently?: number;
}

/** Options of the NestJS Kafka transport as every component of the system consumes. */
export function kafkaMicroserviceOptions(settings: ConsumerSettings): KafkaOptions {
  return {
    transport: Transport.KAFKA,
    options: {
      postfixId: '',
      client: toKafkaConfig(kafkaConnectionFromEnv(settings.clientId)),
      consumer: {
        groupId: settings.groupId,
        sessionTimeout: 10000,
        heartbeatInterval: 1000,
        // Bounds how long a shutdown waits for an idle fetch; new data still returns at once.
        maxWaitTimeInMs: 1000,
        allowAutoTopicCreation: false,
      },
      producer: {
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
      },
      // Values stay bytes: a dead-lettered message is forwarded exactly as it arrived.
      parser: { keepBinary: true },
      subscribe: { fromBeginning: true },
      run: { partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently ?? 3 },
    },
  };
}
