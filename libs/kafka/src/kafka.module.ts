import { DynamicModule, Global, Module } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { CloudEventPublisher } from './cloud-event-publisher';
import { kafkaConnectionFromEnv, toKafkaConfig } from './kafka-connection';
import { KAFKA_CLIENT } from './kafka.tokens';
import { KafkaJsLogBridge } from './kafkajs-log-bridge';

/** Gives a component its kafkajs client and a CloudEvent publisher on it. */
@Global()
@Module({})
export class KafkaModule {
  static forComponent(clientId: string): DynamicModule {
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KAFKA_CLIENT,
          useFactory: () =>
            new Kafka({
              ...toKafkaConfig(kafkaConnectionFromEnv(clientId)),
              logLevel: logLevel.WARN,
              logCreator: KafkaJsLogBridge,
            }),
        },
        CloudEventPublisher,
      ],
      exports: [KAFKA_CLIENT, CloudEventPublisher],
    };
  }
}
