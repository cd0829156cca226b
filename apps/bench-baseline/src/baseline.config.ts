/**
 * The baseline's settings, from the environment like every app of the repository. It is a
 * benchmark fixture, so it reads a handful of variables without a validation schema.
 */
export interface BaselineConfig {
  /** `http`: the front door; `responder`: the agency side behind Kafka. */
  role: 'http' | 'responder';
  port: number;
  groupId: string;
  /** Partitions the responder handles at once, as ADAPTER_PARTITION_CONCURRENCY for adapters. */
  partitionConcurrency: number;
  replyTimeoutMs: number;
  civilRegistryUrl: string;
  civilRegistryTimeoutMs: number;
}

export function baselineConfig(env: NodeJS.ProcessEnv = process.env): BaselineConfig {
  const role = env.BASELINE_ROLE ?? 'http';
  if (role !== 'http' && role !== 'responder') {
    throw new Error(`BASELINE_ROLE must be http or responder, not ${role}`);
  }
  return {
    role,
    port: integer(env, 'BASELINE_PORT', 3400),
    groupId: env.BASELINE_GROUP_ID ?? 'bench-baseline',
    partitionConcurrency: integer(env, 'BASELINE_PARTITION_CONCURRENCY', 3),
    replyTimeoutMs: integer(env, 'BASELINE_REPLY_TIMEOUT_MS', 30000),
    civilRegistryUrl: env.CIVIL_REGISTRY_URL ?? 'http://127.0.0.1:3100/disdukcapil/ws',
    civilRegistryTimeoutMs: integer(env, 'CIVIL_REGISTRY_TIMEOUT_MS', 5000),
  };
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be an integer`);
  return value;
}
