import { DynamicModule, Module, ValidationPipe } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_PIPE } from '@nestjs/core';
import { ObservabilityLoggingModule } from '@mpp/observability';
import { ArrivalsModule } from './arrivals/arrivals.module';
import { CivilRegistryModule } from './civil-registry/civil-registry.module';
import {
  LEGACY_SIM_CONFIG,
  type LegacySimConfig,
  type LegacySimEnvOverrides,
  validateLegacySimEnvironment,
} from './config/legacy-sim.config';
import { SimulationControlModule } from './control/simulation-control.module';
import { FaultInjectionModule } from './fault-injection/fault-injection.module';
import { HealthController } from './health/health.controller';
import { LandModule } from './land/land.module';
import { PermitsModule } from './permits/permits.module';

/** Provides the validated configuration to every module of the simulator. */
@Module({})
class LegacySimConfigModule {
  static forRoot(overrides: LegacySimEnvOverrides): DynamicModule {
    return {
      module: LegacySimConfigModule,
      global: true,
      imports: [
        ConfigModule.forRoot({
          ignoreEnvFile: true,
          // The validated config goes in under one key, so nothing is written back to process.env.
          validate: (env) => ({
            [LEGACY_SIM_CONFIG]: validateLegacySimEnvironment({ ...env, ...overrides }),
          }),
        }),
      ],
      providers: [
        {
          provide: LEGACY_SIM_CONFIG,
          useFactory: (config: ConfigService): LegacySimConfig =>
            config.getOrThrow<LegacySimConfig>(LEGACY_SIM_CONFIG),
          inject: [ConfigService],
        },
      ],
      exports: [LEGACY_SIM_CONFIG],
    };
  }
}

/** Simulated agency legacy systems, one folder each, with fault knobs and arrival logs. */
@Module({})
export class LegacySimModule {
  static forRoot(overrides: LegacySimEnvOverrides = {}): DynamicModule {
    return {
      module: LegacySimModule,
      imports: [
        LegacySimConfigModule.forRoot(overrides),
        ObservabilityLoggingModule.forComponent('legacy-sim'),
        SimulationControlModule,
        FaultInjectionModule,
        ArrivalsModule,
        CivilRegistryModule,
        PermitsModule,
        LandModule,
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: APP_PIPE,
          useValue: new ValidationPipe({
            whitelist: true,
            forbidNonWhitelisted: true,
            transform: true,
          }),
        },
      ],
    };
  }
}
