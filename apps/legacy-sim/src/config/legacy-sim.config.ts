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

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_PERMITS_PROCESSING_MS = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_PERMITS_TIMEOUT_HOLD_MS = 30000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_PERMITS_RATE_LIMIT_PER_SECOND = 50;

  @IsString()
  @MinLength(1)
  SIM_PERMITS_USER_KEY = 'sim-user-key';

  @IsString()
  @MinLength(1)
  SIM_PERMITS_BASIC_USER = 'mpp';

  @IsString()
  @MinLength(1)
  SIM_PERMITS_BASIC_PASSWORD = 'mpp-secret';

  @IsString()
  @MinLength(1)
  SIM_PERMITS_CLIENT_ID = 'mpp-gateway';

  @IsString()
  @MinLength(1)
  SIM_PERMITS_CLIENT_SECRET = 'mpp-oauth-secret';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  SIM_PERMITS_TOKEN_TTL_S = 300;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_LAND_PROCESSING_MS = 3000;

  @Type(() => Number)
  @IsInt()
  @Min(0)
  SIM_LAND_TIMEOUT_HOLD_MS = 30000;

  @IsString()
  @MinLength(1)
  SIM_LAND_API_KEY = 'sim-land-key';

  @IsString()
  @MinLength(1)
  SIM_LAND_CALLBACK_SECRET = 'sim-land-callback-secret';

  @Type(() => Number)
  @IsInt()
  @Min(1)
  SIM_LAND_CALLBACK_RETRY_BASE_MS = 500;
}

/** Defaults of one simulated system, before any fault is injected. */
export interface SimulatedSystemDefaults {
  processingMs: number;
  timeoutHoldMs: number;
  /** Only systems that enforce a rate limit have one; 0 means unlimited. */
  rateLimitPerSecond?: number;
}

export interface PermitsCredentials {
  userKey: string;
  basicUser: string;
  basicPassword: string;
  clientId: string;
  clientSecret: string;
  tokenTtlSeconds: number;
}

export interface LandSettings {
  apiKey: string;
  callbackSecret: string;
  callbackRetryBaseMs: number;
}

export interface LegacySimConfig {
  port: number;
  host: string;
  systems: Record<SimulatedSystem, SimulatedSystemDefaults>;
  permits: PermitsCredentials;
  land: LandSettings;
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
      [SimulatedSystem.permits]: {
        processingMs: env.SIM_PERMITS_PROCESSING_MS,
        timeoutHoldMs: env.SIM_PERMITS_TIMEOUT_HOLD_MS,
        rateLimitPerSecond: env.SIM_PERMITS_RATE_LIMIT_PER_SECOND,
      },
      [SimulatedSystem.land]: {
        processingMs: env.SIM_LAND_PROCESSING_MS,
        timeoutHoldMs: env.SIM_LAND_TIMEOUT_HOLD_MS,
      },
    },
    permits: {
      userKey: env.SIM_PERMITS_USER_KEY,
      basicUser: env.SIM_PERMITS_BASIC_USER,
      basicPassword: env.SIM_PERMITS_BASIC_PASSWORD,
      clientId: env.SIM_PERMITS_CLIENT_ID,
      clientSecret: env.SIM_PERMITS_CLIENT_SECRET,
      tokenTtlSeconds: env.SIM_PERMITS_TOKEN_TTL_S,
    },
    land: {
      apiKey: env.SIM_LAND_API_KEY,
      callbackSecret: env.SIM_LAND_CALLBACK_SECRET,
      callbackRetryBaseMs: env.SIM_LAND_CALLBACK_RETRY_BASE_MS,
    },
  };
}
