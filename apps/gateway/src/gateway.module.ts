import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KafkaModule } from '@mpp/kafka';
import { FlowModule } from '@mpp/flow';
import {
  DatabaseHealthController,
  MetricsModule,
  ObservabilityLoggingModule,
} from '@mpp/observability';
import { appDataSourceOptions } from '@mpp/persistence';
import { AcceptedRequests } from './applications/accepted-requests';
import { ApplicationReader } from './applications/application-reader';
import { ApplicationRequestLog } from './applications/application-request-log';
import { ApplicationRequestEntity } from './applications/application-request.entity';
import { ApplicationStatusChangeEntity } from './applications/application-status-change.entity';
import { ApplicationEntity } from './applications/application.entity';
import { ApplicationsController } from './applications/applications.controller';
import { CancelApplication } from './applications/cancel-application.use-case';
import { ResubmitApplication } from './applications/resubmit-application.use-case';
import { SubmitApplication } from './applications/submit-application.use-case';
import { CatalogServiceEntity } from './catalog/catalog-service.entity';
import { CatalogController } from './catalog/catalog.controller';
import { RegistryListener } from './catalog/registry.listener';
import { ServiceCatalog } from './catalog/service-catalog';
import { validateGatewayConfig } from './config/gateway.config';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { CreateGatewaySchema1764288000000 } from './migrations/1764288000000-create-gateway-schema';
import { AddApplicantRequests1764374400000 } from './migrations/1764374400000-add-applicant-requests';
import { OutboxRecordEntity } from './outbox/outbox-record.entity';
import { OutboxMetrics } from './outbox/outbox-metrics';
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
  ApplicationRequestEntity,
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
        MetricsModule.forComponent('gateway'),
        KafkaModule.forComponent('gateway'),
        FlowModule.forComponent({
          name: 'gateway',
          instance: validateGatewayConfig(process.env).GATEWAY_INSTANCE_ID,
        }),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            appDataSourceOptions({
              schema: GATEWAY_SCHEMA,
              entities,
              migrations: [CreateGatewaySchema1764288000000, AddApplicantRequests1764374400000],
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
        AcceptedRequests,
        SubmitApplication,
        ResubmitApplication,
        CancelApplication,
        ApplicationRequestLog,
        ApplicationReader,
        IdempotencyStore,
        ServiceCatalog,
        RegistryListener,
        OutboxRelay,
        OutboxMetrics,
        ApplyStatusEvent,
      ],
    };
  }
}
