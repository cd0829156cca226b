import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mpp/audit';
import { KafkaModule, MessageParking } from '@mpp/kafka';
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
import { AuditController } from './audit/audit.controller';
import { CatalogServiceEntity } from './catalog/catalog-service.entity';
import { CatalogController } from './catalog/catalog.controller';
import { RegistryListener } from './catalog/registry.listener';
import { ServiceCatalog } from './catalog/service-catalog';
import { validateGatewayConfig, type GatewayConfig } from './config/gateway.config';
import { ApplicantDecryption } from './encryption/applicant-decryption.subscriber';
import { DataKeyCheck } from './encryption/data-key-check';
import { DataKeyring } from './encryption/data-keyring';
import { PersonalDataCipher } from './encryption/personal-data-cipher';
import { IdempotencyRecordEntity } from './idempotency/idempotency-record.entity';
import { IdempotencyPurge } from './idempotency/idempotency-purge';
import { IdempotencyStore } from './idempotency/idempotency-store';
import { CreateGatewaySchema1764288000000 } from './migrations/1764288000000-create-gateway-schema';
import { AddApplicantRequests1764374400000 } from './migrations/1764374400000-add-applicant-requests';
import { CreateAccessControl1764460800000 } from './migrations/1764460800000-create-access-control';
import { AddSurveyResponses1764633600000 } from './migrations/1764633600000-add-survey-responses';
import { CreateAuditLog1764806400000 } from './migrations/1764806400000-create-audit-log';
import { encryptPersonalData } from './migrations/1764892800000-encrypt-personal-data';
import { CreateWebhooks1764979200000 } from './migrations/1764979200000-create-webhooks';
import { CreateParkedMessages1765069200000 } from './migrations/1765069200000-create-parked-messages';
import { AddParkedMessageTimestamp1765152000000 } from './migrations/1765152000000-add-parked-message-timestamp';
import { OutboxRecordEntity } from './outbox/outbox-record.entity';
import { OutboxMetrics } from './outbox/outbox-metrics';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox-writer';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { IkmReports } from './reports/ikm/ikm-reports';
import { SurveyTallies } from './reports/ikm/survey-tallies';
import { ApplicationTimelines } from './reports/performance/application-timelines';
import { PerformanceReports } from './reports/performance/performance-reports';
import { PublicReportsController } from './reports/public-reports.controller';
import { ReportsController } from './reports/reports.controller';
import { workingCalendarProvider } from './reports/working-calendar.provider';
import { seedingFeature } from './seeding/seeding.feature';
import { SubmitSurvey } from './surveys/submit-survey.use-case';
import { SurveyResponseEntity } from './surveys/survey-response.entity';
import { SurveysController } from './surveys/surveys.controller';
import { TrackingController } from './tracking/tracking.controller';
import { ApplyStatusEvent } from './status/apply-status-event.use-case';
import { StatusEventReceiptEntity } from './status/status-event-receipt.entity';
import { StatusEventsController } from './status/status-events.controller';
import { WebhookController } from './webhooks/webhook.controller';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { WebhookSubscriptions } from './webhooks/webhook-subscriptions';

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
    const seeding = seedingFeature(validateGatewayConfig(process.env).GATEWAY_SEEDING_ENABLED);
    const keyring = DataKeyring.fromSettings(validateGatewayConfig(process.env));
    const cipher = new PersonalDataCipher(keyring);
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
                CreateAuditLog1764806400000,
                encryptPersonalData(cipher),
                CreateWebhooks1764979200000,
                CreateParkedMessages1765069200000,
                AddParkedMessageTimestamp1765152000000,
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
        AuditModule,
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
        AuditController,
        WebhookController,
        ...seeding.controllers,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        // In this order: who is asking, then whether they may ask again yet.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
        { provide: DataKeyring, useValue: keyring },
        { provide: PersonalDataCipher, useValue: cipher },
        DataKeyCheck,
        ApplicantDecryption,
        ClientDirectory,
        BootstrapAdmin,
        AcceptedRequests,
        SubmitApplication,
        ResubmitApplication,
        CancelApplication,
        ApplicationRequestLog,
        ApplicationReader,
        IdempotencyStore,
        IdempotencyPurge,
        ServiceCatalog,
        RegistryListener,
        MessageParking,
        WebhookSubscriptions,
        WebhookDispatcher,
        OutboxWriter,
        OutboxRelay,
        OutboxMetrics,
        ApplyStatusEvent,
        SubmitSurvey,
        workingCalendarProvider,
        SurveyTallies,
        IkmReports,
        ApplicationTimelines,
        PerformanceReports,
        ...seeding.providers,
      ],
    };
  }
}
