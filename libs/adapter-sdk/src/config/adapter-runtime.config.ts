import { validateEnvironment } from '@mpp/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { AdapterDefinition } from '../definition/adapter-definition';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));

/** What every adapter built on the SDK reads from its environment; see docs/configuration.md. */
export class AdapterRuntimeEnvironment {
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  ADAPTER_PORT?: number;

  @IsOptional()
  @IsString()
  ADAPTER_INSTANCE_ID?: string;

  @IsOptional()
  @IsString()
  ADAPTER_GROUP_ID?: string;

  /** Partitions of the agency topic handled at once, each in order. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  ADAPTER_PARTITION_CONCURRENCY = 6;

  /**
   * Calls into the legacy system that message handling may have in flight at once: what the
   * agency allows this instance. Status polls have their own limit, STATUS_POLL_CONCURRENCY.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  ADAPTER_LEGACY_CONCURRENCY = 3;

  /** Attempts at a message that fails unexpectedly before it is dead-lettered. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  ADAPTER_MAX_ATTEMPTS = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  ADAPTER_RETRY_BASE_MS = 200;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  ADAPTER_RETRY_MAX_MS = 10000;

  /** Share of failed legacy calls, in percent, over the window that opens the circuit. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  ADAPTER_BREAKER_ERROR_PERCENT = 50;

  /** Calls needed in the window before the circuit may open. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ADAPTER_BREAKER_MIN_CALLS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  ADAPTER_BREAKER_WINDOW_MS = 10000;

  /** How often an open circuit probes the legacy system. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  ADAPTER_BREAKER_PROBE_INTERVAL_MS = 5000;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  STATUS_POLL_INTERVAL_MS = 5000;

  /** Status checks a poll has in flight at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  STATUS_POLL_CONCURRENCY = 4;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  HEARTBEAT_INTERVAL_MS = 10000;
}

/** The runtime settings of one adapter, with the agency's defaults filled in. */
export interface AdapterRuntimeConfig {
  agency: string;
  port: number;
  instanceId: string;
  groupId: string;
  partitionConcurrency: number;
  legacyConcurrency: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  breaker: { errorPercent: number; minCalls: number; windowMs: number; probeIntervalMs: number };
  statusPollIntervalMs: number;
  statusPollConcurrency: number;
  heartbeatIntervalMs: number;
}

export const ADAPTER_RUNTIME_CONFIG = Symbol('ADAPTER_RUNTIME_CONFIG');

export function adapterRuntimeConfig(
  definition: AdapterDefinition,
  raw: Record<string, unknown> = process.env,
): AdapterRuntimeConfig {
  const env = validateEnvironment(AdapterRuntimeEnvironment, raw, `adapter-${definition.agency}`);
  return {
    agency: definition.agency,
    port: env.ADAPTER_PORT ?? definition.defaultPort,
    instanceId: env.ADAPTER_INSTANCE_ID ?? `adapter-${definition.agency}-${process.pid}`,
    groupId: env.ADAPTER_GROUP_ID ?? `mpp-adapter-${definition.agency}`,
    partitionConcurrency: env.ADAPTER_PARTITION_CONCURRENCY,
    legacyConcurrency: env.ADAPTER_LEGACY_CONCURRENCY,
    maxAttempts: env.ADAPTER_MAX_ATTEMPTS,
    retryBaseMs: env.ADAPTER_RETRY_BASE_MS,
    retryMaxMs: env.ADAPTER_RETRY_MAX_MS,
    breaker: {
      errorPercent: env.ADAPTER_BREAKER_ERROR_PERCENT,
      minCalls: env.ADAPTER_BREAKER_MIN_CALLS,
      windowMs: env.ADAPTER_BREAKER_WINDOW_MS,
      probeIntervalMs: env.ADAPTER_BREAKER_PROBE_INTERVAL_MS,
    },
    statusPollIntervalMs: env.STATUS_POLL_INTERVAL_MS,
    statusPollConcurrency: env.STATUS_POLL_CONCURRENCY,
    heartbeatIntervalMs: env.HEARTBEAT_INTERVAL_MS,
  };
}
