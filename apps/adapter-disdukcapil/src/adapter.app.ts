import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { kafkaMicroserviceOptions } from '@mpp/kafka';
import { Logger } from 'nestjs-pino';
import { AdapterModule } from './adapter.module';
import type { AdapterConfig } from './config/adapter.config';

/** Builds the adapter (HTTP health plus the Kafka consumer); main.ts and the tests share it. */
export async function createAdapterApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AdapterModule.register(), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const config = app.get<ConfigService<AdapterConfig, true>>(ConfigService);
  app.connectMicroservice<MicroserviceOptions>(
    kafkaMicroserviceOptions({
      clientId: 'adapter-disdukcapil',
      groupId: config.get('ADAPTER_GROUP_ID', { infer: true }),
      partitionsConsumedConcurrently: config.get('ADAPTER_PARTITION_CONCURRENCY', { infer: true }),
    }),
  );
  return app;
}
