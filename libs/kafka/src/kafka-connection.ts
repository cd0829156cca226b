import type { KafkaConfig, SASLOptions } from 'kafkajs';

export interface KafkaConnectionSettings {
  brokers: string[];
  clientId: string;
  ssl?: boolean;
  sasl?: SASLOptions;
}

const DEFAULT_BROKERS = '127.0.0.1:9092';

/** Reads the broker connection of any component from its environment. */
export function kafkaConnectionFromEnv(
  clientId: string,
  env: NodeJS.ProcessEnv = process.env,
): KafkaConnectionSettings {
  const brokers = (env.KAFKA_BROKERS ?? DEFAULT_BROKERS)
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
  if (brokers.length === 0) throw new Error('KAFKA_BROKERS names no broker');
  const settings: KafkaConnectionSettings = { brokers, clientId };
  if (env.KAFKA_SSL === 'true') settings.ssl = true;
  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (mechanism) {
    const username = env.KAFKA_SASL_USERNAME;
    const password = env.KAFKA_SASL_PASSWORD;
    if (!username || !password) {
      throw new Error('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
    }
    if (mechanism !== 'scram-sha-256' && mechanism !== 'scram-sha-512' && mechanism !== 'plain') {
      throw new Error(`unsupported KAFKA_SASL_MECHANISM: ${mechanism}`);
    }
    settings.sasl = { mechanism, username, password };
  }
  return settings;
}

export function toKafkaConfig(settings: KafkaConnectionSettings): KafkaConfig {
  return {
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.ssl,
    sasl: settings.sasl,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8 },
  };
}
