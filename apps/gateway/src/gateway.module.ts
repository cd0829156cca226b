import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KafkaModule } from '@mpp/kafka';
import { DatabaseHealthController, ObservabilityLoggingModule } from '@mpp/observability';
import { appDataSourceOptions } from '@mpp/persistence';
import { ApplicationReader } from './applications/application-reader';
import { ApplicationStatusChangeEntity } from './applications/application-status-change.entity';
import { ApplicationEntity } from './applications/application.entity';
import { ApplicationsController } from './applications/applications.controller';
import { SubmitApplication } from './applications/submit-application.use-case';
import { CatalogServiceEntity } from './catalog/catalog-service.entity';
import { CatalogController } from './catalog/catalog.controller';
import { RegistryListener } from './catalog/registry.listener';
import { ServiceCatalog } from './catalog/service-catalog';
import { validateGatewayConfig } from './config/gateway.config';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { CreateGatewaySchema1764288000000 } from './migrations/1764288000000-create-gateway-schema';
import { OutboxRecordEntity } from './outbox/outbox-record.entity';
import { OutboxRelay } from './outbox/outbox.relay';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { TrackingController } from './tracking/tracking.controller';
import { ApplyStatusEvent } from './status/apply-status-event.use-case';
import { StatusEventReceiptEntity } from './status/status-event-receipt.entity';
import { StatusEventsController } from './status/status-events.controller';

export const GATEWAY_SCHEMA = 'gateway';

const entities = [
  ApplicationEntity,
  ApplicationStatusChangeEntity,
  OutboxRecordEntity,
  StatusEventReceiptEntity,
  IdempotencyRecordEntity,
  CatalogServiceEntity,
];

/**
 * The gateway's root module. Built by a function so that configuration is read from the
 * environment when an app is created, not once when this file is first imported.
 */
@Module({})
export class GatewayModule {
  static register(): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: validateGatewayConfig,
        }),
        ObservabilityLoggingModule.forComponent('gateway'),
        KafkaModule.forComponent('gateway'),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            appDataSourceOptions({
              schema: GATEWAY_SCHEMA,
              entities,
              migrations: [CreateGatewaySchema1764288000000],
            }),
        }),
        TypeOrmModule.forFeature(entities),
        TerminusModule,
      ],
      controllers: [
        ApplicationsController,
        TrackingController,
        CatalogController,
        DatabaseHealthController,
        StatusEventsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        SubmitApplication,
        ApplicationReader,
        ServiceCatalog,
        RegistryListener,
        OutboxRelay,
        ApplyStatusEvent,
      ],
    };
  }
}
