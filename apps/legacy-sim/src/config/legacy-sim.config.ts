import 'reflect-metadata';
import { validateEnvironment } from '@mpp/config';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, MinLength } from 'class-validator';
import { SimulatedSystem } from '../simulated-systems';

/** Environment variables of the legacy simulator; defaults apply when a variable is unset. */
export class LegacySimEnvironment {
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(65535)
  LEGACY_SIM_PORT = 3100;

  @IsString()
  @MinLength(1)
  LEGACY_SIM_HOST = '0.0.0.0';

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_CIVIL_REGISTRY_PROCESSING_MS = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_CIVIL_REGISTRY_TIMEOUT_HOLD_MS = 30000;
}

/** Defaults of one simulated system, before any fault is injected. */
export interface SimulatedSystemDefaults {
  processingMs: number;
  timeoutHoldMs: number;
}

export interface LegacySimConfig {
  port: number;
  host: string;
  systems: Record<SimulatedSystem, SimulatedSystemDefaults>;
}

/** Token under which the validated configuration is provided. */
export const LEGACY_SIM_CONFIG = 'legacySimConfig';

export type LegacySimEnvOverrides = Partial<Record<keyof LegacySimEnvironment, string | number>>;

export function validateLegacySimEnvironment(raw: Record<string, unknown>): LegacySimConfig {
  const env = validateEnvironment(LegacySimEnvironment, raw, 'legacy-sim');
  return {
    port: env.LEGACY_SIM_PORT,
    host: env.LEGACY_SIM_HOST,
    systems: {
      [SimulatedSystem.civilRegistry]: {
        processingMs: env.SIM_CIVIL_REGISTRY_PROCESSING_MS,
        timeoutHoldMs: env.SIM_CIVIL_REGISTRY_TIMEOUT_HOLD_MS,
      },
    },
  };
}
