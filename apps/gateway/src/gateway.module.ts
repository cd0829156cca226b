import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KafkaModule } from '@mpp/kafka';
import { FlowModule } from '@mpp/flow';
import {
  DatabaseHealthController,
  MetricsModule,
  ObservabilityLoggingModule,
} from '@mpp/observability';
import { appDataSourceOptions } from '@mpp/persistence';
import { AccessGuard } from './access/access.guard';
import { AdminController } from './access/admin.controller';
import { BootstrapAdmin } from './access/bootstrap-admin';
import { ClientDirectory } from './access/client-directory';
import { ClientThrottlerGuard } from './access/client-throttler.guard';
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
import { validateGatewayConfig, type GatewayConfig } from './config/gateway.config';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { CreateGatewaySchema1764288000000 } from './migrations/1764288000000-create-gateway-schema';
import { AddApplicantRequests1764374400000 } from './migrations/1764374400000-add-applicant-requests';
import { CreateAccessControl1764460800000 } from './migrations/1764460800000-create-access-control';
import { AddSurveyResponses1764633600000 } from './migrations/1764633600000-add-survey-responses';
import { OutboxRecordEntity } from './outbox/outbox-record.entity';
import { OutboxMetrics } from './outbox/outbox-metrics';
import { OutboxRelay } from './outbox/outbox.relay';
import { JsonDepthInterceptor } from './problems/json-depth.interceptor';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { IkmReports } from './reports/ikm/ikm-reports';
import { SurveyTallies } from './reports/ikm/survey-tallies';
import { ApplicationTimelines } from './reports/performance/application-timelines';
import { PerformanceReports } from './reports/performance/performance-reports';
import { PublicReportsController } from './reports/public-reports.controller';
import { ReportsController } from './reports/reports.controller';
import { workingCalendarProvider } from './reports/working-calendar.provider';
import { SubmitSurvey } from './surveys/submit-survey.use-case';
import { SurveyResponseEntity } from './surveys/survey-response.entity';
import { SurveysController } from './surveys/surveys.controller';
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
  SurveyResponseEntity,
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
              migrations: [
                CreateGatewaySchema1764288000000,
                AddApplicantRequests1764374400000,
                CreateAccessControl1764460800000,
                AddSurveyResponses1764633600000,
              ],
            }),
        }),
        TypeOrmModule.forFeature(entities),
        ThrottlerModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<GatewayConfig, true>) => [
            { ttl: 60_000, limit: config.get('GATEWAY_RATE_LIMIT_PER_MINUTE', { infer: true }) },
          ],
        }),
        TerminusModule,
      ],
      controllers: [
        ApplicationsController,
        TrackingController,
        CatalogController,
        DatabaseHealthController,
        StatusEventsController,
        SurveysController,
        ReportsController,
        PublicReportsController,
        AdminController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // In this order: who is asking, then whether they may ask again yet.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: JsonDepthInterceptor },
        ClientDirectory,
        BootstrapAdmin,
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
        SubmitSurvey,
        workingCalendarProvider,
        SurveyTallies,
        IkmReports,
        ApplicationTimelines,
        PerformanceReports,
      ],
    };
  }
}
