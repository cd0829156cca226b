import {
  DynamicModule,
  Module,
  type ModuleMetadata,
  type Provider,
  type Type,
} from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FlowModule } from '@mpp/flow';
import { KafkaModule } from '@mpp/kafka';
import { MetricsModule, ObservabilityLoggingModule } from '@mpp/observability';
import { appDataSourceOptions } from '@mpp/persistence';
import { ADAPTER_RUNTIME_CONFIG, adapterRuntimeConfig } from './config/adapter-runtime.config';
import { ApplicationMessagePipeline } from './consumption/application-message-pipeline';
import { applicationsControllerFor } from './consumption/applications-controller';
import { ConsumptionSwitch } from './consumption/consumption-switch';
import { DeadLetters } from './consumption/dead-letters';
import { ADAPTER_DEFINITION, type AdapterDefinition } from './definition/adapter-definition';
import { CancelApplication } from './handling/cancel-application';
import { ResubmitApplication } from './handling/resubmit-application';
import { SubmitApplication } from './handling/submit-application';
import { AdapterHealthController } from './health/adapter-health.controller';
import { LEGACY_CONNECTOR, type LegacyConnector } from './legacy/legacy-connector';
import { Inbox } from './ledger/inbox';
import { InboxRecord } from './ledger/inbox-record';
import { SubmissionLedger } from './ledger/submission-ledger';
import { SubmissionRecord } from './ledger/submission-record';
import { AdapterMetrics } from './metrics/adapter-metrics';
import { CreateAdapterLedger1764374400000 } from './migrations/1764374400000-create-adapter-ledger';
import { RegistryAnnouncer } from './registry/registry-announcer';
import { LegacySystemGuard } from './resilience/legacy-system-guard';
import { StatusEmitter } from './status/status-emitter';
import { StatusPoller } from './status/status-poller';
import { StatusReporter } from './status/status-reporter';

export interface AdapterModuleOptions {
  definition: AdapterDefinition;
  /** The agency's calls into its legacy system. */
  connector: Type<LegacyConnector>;
  /** The agency's own providers (its legacy client, its configuration, ...). */
  providers?: Provider[];
  /** The agency's own HTTP endpoints, e.g. where its legacy system calls back. */
  controllers?: Type<unknown>[];
  imports?: ModuleMetadata['imports'];
}

/** The database schema of an agency's adapter. */
export function adapterSchemaOf(agency: string): string {
  return `adapter_${agency.replace(/-/g, '_')}`;
}

/**
 * Everything an adapter is besides its legacy calls: consumption of the agency topic with the
 * error policy, the submission ledger, status emission and polling, the registry announcement
 * and heartbeats, flow records, health and metrics. Built when the app is created, so the
 * environment is read then.
 */
@Module({})
export class AdapterSdkModule {
  static forAdapter(options: AdapterModuleOptions): DynamicModule {
    const { definition } = options;
    const component = `adapter-${definition.agency}`;
    const runtime = adapterRuntimeConfig(definition);
    return {
      module: AdapterSdkModule,
      imports: [
        ObservabilityLoggingModule.forComponent(component),
        MetricsModule.forComponent(component),
        KafkaModule.forComponent(component),
        FlowModule.forComponent({ name: component, instance: runtime.instanceId }),
        TypeOrmModule.forRootAsync({
          useFactory: () =>
            appDataSourceOptions({
              schema: adapterSchemaOf(definition.agency),
              entities: [SubmissionRecord, InboxRecord],
              migrations: [CreateAdapterLedger1764374400000],
            }),
        }),
        TerminusModule,
        ...(options.imports ?? []),
      ],
      controllers: [
        applicationsControllerFor(definition.agency),
        AdapterHealthController,
        ...(options.controllers ?? []),
      ],
      providers: [
        { provide: ADAPTER_DEFINITION, useValue: definition },
        { provide: ADAPTER_RUNTIME_CONFIG, useValue: runtime },
        { provide: LEGACY_CONNECTOR, useClass: options.connector },
        AdapterMetrics,
        LegacySystemGuard,
        ConsumptionSwitch,
        SubmissionLedger,
        Inbox,
        StatusEmitter,
        StatusReporter,
        StatusPoller,
        SubmitApplication,
        ResubmitApplication,
        CancelApplication,
        DeadLetters,
        ApplicationMessagePipeline,
        RegistryAnnouncer,
        ...(options.providers ?? []),
      ],
    };
  }
}
