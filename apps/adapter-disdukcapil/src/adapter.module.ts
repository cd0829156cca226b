import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { KafkaModule } from '@mpp/kafka';
import { DatabaseHealthController, ObservabilityLoggingModule } from '@mpp/observability';
import { appDataSourceOptions } from '@mpp/persistence';
import { LegacyCivilRegistryClient } from './civil-registry/legacy-civil-registry.client';
import { validateAdapterConfig } from './config/adapter.config';
import { CreateSubmissionLedger1764288000001 } from './migrations/1764288000001-create-submission-ledger';
import { RegistryAnnouncer } from './registry/registry-announcer';
import { ApplicationsController } from './submissions/applications.controller';
import { CivilRegistryStatusPoller } from './submissions/civil-registry-status.poller';
import { LegacySubmissionEntity } from './submissions/legacy-submission.entity';
import { StatusEmitter } from './submissions/status-emitter';
import { SubmitToCivilRegistry } from './submissions/submit-to-civil-registry.use-case';

export const ADAPTER_SCHEMA = 'adapter_disdukcapil';

/** Built by a function so configuration is read when an app is created, not at import. */
@Module({})
export class AdapterModule {
  static register(): DynamicModule {
    return {
      module: AdapterModule,
      imports: [
        ConfigModule.forRoot({
          isGlobal: true,
          ignoreEnvFile: true,
          validate: validateAdapterConfig,
        }),
        ObservabilityLoggingModule.forComponent('adapter-disdukcapil'),
        KafkaModule.forComponent('adapter-disdukcapil'),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            appDataSourceOptions({
              schema: ADAPTER_SCHEMA,
              entities: [LegacySubmissionEntity],
              migrations: [CreateSubmissionLedger1764288000001],
            }),
        }),
        TypeOrmModule.forFeature([LegacySubmissionEntity]),
        TerminusModule,
      ],
      controllers: [ApplicationsController, DatabaseHealthController],
      providers: [
        LegacyCivilRegistryClient,
        StatusEmitter,
        SubmitToCivilRegistry,
        CivilRegistryStatusPoller,
        RegistryAnnouncer,
      ],
    };
  }
}
