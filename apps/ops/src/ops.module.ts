import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@mpp/audit';
import { FlowModule } from '@mpp/flow';
import { KafkaModule, MessageParking } from '@mpp/kafka';
import {
  DatabaseHealthController,
  MetricsModule,
  ObservabilityLoggingModule,
} from '@mpp/observability';
import { AuditController } from './audit/audit.controller';
import { Authenticator } from './auth/authenticator';
import { OperatorDirectory } from './auth/operator-directory';
import { OperatorGuard } from './auth/operator.guard';
import { OperatorSessions } from './auth/operator-sessions';
import { OperatorsController } from './auth/operators.controller';
import { SessionController } from './auth/session.controller';
import { validateOpsConfig } from './config/ops.config';
import { DeadLetterIngestion } from './dead-letters/dead-letter-ingestion';
import { DeadLetterStore } from './dead-letters/dead-letter.store';
import { DeadLettersController } from './dead-letters/dead-letters.controller';
import { HandleDeadLetters } from './dead-letters/handle-dead-letters.use-case';
import { FlowIngestion } from './flow/flow-ingestion';
import { FlowRecordStore } from './flow/flow-record.store';
import { FlowRetention } from './flow/flow-retention';
import { FlowSearch } from './flow/flow-search';
import { FlowsController } from './flow/flows.controller';
import { AgencyHealthReport } from './health/agency-health';
import { AgencyHealthController } from './health/agency-health.controller';
import { ConsumerLagReader } from './health/consumer-lag';
import { LegacyCallStats } from './health/legacy-call-stats';
import { KafkaAdmin } from './kafka/kafka-admin';
import { TopicSubscriptions } from './kafka/topic-subscriptions';
import { HealthSnapshots } from './live/health-snapshots';
import { LiveController } from './live/live.controller';
import { LiveEvents } from './live/live-events';
import { OpsMetrics } from './metrics/ops-metrics';
import { opsDataSourceOptions } from './ops-database';
import { ProblemDetailsFilter } from './problems/problem-details.filter';
import { AgencyDirectory } from './registry/agency-directory';
import { RegistryIngestion } from './registry/registry-ingestion';
import { GatewayReports } from './reports/gateway-reports';
import { ReportsController } from './reports/reports.controller';

export const OPS_COMPONENT = 'ops';

/**
 * The ops app: consumes flow records, the registry and every dead-letter topic into its own
 * schema, and serves the operations API, its live stream and the dashboard. Built by a
 * function so that configuration is read when an app is created.
 */
@Module({})
export class OpsModule {
  static register(): DynamicModule {
    const config = validateOpsConfig(process.env);
    return {
      module: OpsModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, validate: () => config }),
        ObservabilityLoggingModule.forComponent(OPS_COMPONENT),
        MetricsModule.forComponent(OPS_COMPONENT),
        KafkaModule.forComponent(OPS_COMPONENT),
        FlowModule.forComponent({ name: OPS_COMPONENT, instance: config.OPS_INSTANCE_ID }),
        TypeOrmModule.forRootAsync({ useFactory: opsDataSourceOptions }),
        TerminusModule,
        AuditModule,
      ],
      controllers: [
        DatabaseHealthController,
        SessionController,
        OperatorsController,
        FlowsController,
        AgencyHealthController,
        DeadLettersController,
        LiveController,
        AuditController,
        ReportsController,
      ],
      providers: [
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_GUARD, useClass: OperatorGuard },
        OpsMetrics,
        KafkaAdmin,
        TopicSubscriptions,
        LiveEvents,
        HealthSnapshots,
        Authenticator,
        OperatorDirectory,
        OperatorSessions,
        FlowRecordStore,
        FlowIngestion,
        FlowSearch,
        FlowRetention,
        AgencyDirectory,
        RegistryIngestion,
        MessageParking,
        LegacyCallStats,
        AgencyHealthReport,
        ConsumerLagReader,
        DeadLetterStore,
        DeadLetterIngestion,
        HandleDeadLetters,
        GatewayReports,
      ],
    };
  }
}
