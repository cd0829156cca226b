import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { kafkaMicroserviceOptions } from '@mpp/kafka';
import {
  acceptJsonBodies,
  answerMalformedHttpAsProblems,
  ProblemDetailsFilter,
} from '@mpp/problems';
import { DOMAIN_FIELD_MESSAGES } from '@mpp/validation';
import { Logger } from 'nestjs-pino';
import { AdapterSdkModule, type AdapterModuleOptions } from './adapter-sdk.module';
import { ADAPTER_RUNTIME_CONFIG, type AdapterRuntimeConfig } from './config/adapter-runtime.config';

/** An agency's callbacks are small JSON documents. */
const BODY_LIMIT = '100kb';

export interface AdapterApp {
  app: NestExpressApplication;
  config: AdapterRuntimeConfig;
}

/**
 * Builds an adapter: its HTTP side (health, metrics, the agency's own endpoints) and its Kafka
 * consumer, not yet started. `main.ts` and the tests share it.
 */
export async function createAdapterApp(options: AdapterModuleOptions): Promise<AdapterApp> {
  const app = await NestFactory.create<NestExpressApplication>(
    AdapterSdkModule.forAdapter(options),
    {
      bufferLogs: true,
      bodyParser: false,
      // A rawBody is kept for endpoints that verify signatures over the exact bytes received.
      rawBody: true,
    },
  );
  app.useLogger(app.get(Logger));
  acceptJsonBodies(app, { limit: BODY_LIMIT });
  answerMalformedHttpAsProblems(app.getHttpServer());
  // Global to the HTTP side only: the Kafka consumer, not inheriting it, keeps its error policy.
  app.useGlobalFilters(new ProblemDetailsFilter({ fieldMessages: DOMAIN_FIELD_MESSAGES }));
  app.enableShutdownHooks();
  const config = app.get<AdapterRuntimeConfig>(ADAPTER_RUNTIME_CONFIG);
  app.connectMicroservice<MicroserviceOptions>(
    kafkaMicroserviceOptions({
      clientId: `adapter-${options.definition.agency}`,
      groupId: config.groupId,
      partitionsConsumedConcurrently: config.partitionConcurrency,
    }),
  );
  return { app, config };
}

/** Starts an adapter: announce, consume, then serve HTTP on its port. */
export async function startAdapter(
  options: AdapterModuleOptions,
  host = '0.0.0.0',
): Promise<AdapterApp> {
  const adapter = await createAdapterApp(options);
  await adapter.app.init();
  await adapter.app.startAllMicroservices();
  await adapter.app.listen(adapter.config.port, host);
  return adapter;
}
