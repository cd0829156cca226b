import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig, SASLOptions } from 'kafkajs';

export interface KafkaConnectionSettings {
  brokers: string[];
  clientId: string;
  /** TLS to the brokers: `true` trusts the system's CAs; options carry a CA of their own. */
  ssl?: boolean | ConnectionOptions;
  sasl?: SASLOptions;
}

const DEFAULT_BROKERS = '127.0.0.1:9092';
const SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512', 'plain'] as const;
type SaslMechanism = (typeof SASL_MECHANISMS)[number];
/** Challenge-response: the broker never sees the password, unlike PLAIN. */
const SCRAM_MECHANISMS: readonly SaslMechanism[] = ['scram-sha-256', 'scram-sha-512'];

/**
 * Reads the broker connection of any component from its environment (docs/configuration.md).
 * With NODE_ENV=production it refuses a connection without TLS and SASL/SCRAM unless
 * KAFKA_ALLOW_INSECURE=true says that is intended, so a forgotten variable stops the start
 * instead of sending personal data in the clear.
 */
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
  const ssl = tlsFromEnv(env);
  if (ssl) settings.ssl = ssl;
  const sasl = saslFromEnv(env);
  if (sasl) settings.sasl = sasl;
  if (env.NODE_ENV === 'production' && env.KAFKA_ALLOW_INSECURE !== 'true') {
    assertSecure(settings);
  }
  return settings;
}

function tlsFromEnv(env: NodeJS.ProcessEnv): KafkaConnectionSettings['ssl'] {
  const caFile = env.KAFKA_SSL_CA_FILE;
  if (caFile) return { ca: [readCertificates(caFile)], rejectUnauthorized: true };
  return env.KAFKA_SSL === 'true' ? true : undefined;
}

function readCertificates(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`KAFKA_SSL_CA_FILE ${path} cannot be read: ${String(error)}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new Error(`KAFKA_SSL_CA_FILE ${path} holds no PEM certificate`);
  }
  return pem;
}

function saslFromEnv(env: NodeJS.ProcessEnv): SASLOptions | undefined {
  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (!mechanism) return undefined;
  if (!isSaslMechanism(mechanism)) {
    throw new Error(
      `unsupported KAFKA_SASL_MECHANISM: ${mechanism} (use ${SASL_MECHANISMS.join(', ')})`,
    );
  }
  const username = env.KAFKA_SASL_USERNAME;
  const password = env.KAFKA_SASL_PASSWORD;
  if (!username || !password) {
    throw new Error('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
  }
  return { mechanism, username, password };
}

function isSaslMechanism(value: string): value is SaslMechanism {
  return (SASL_MECHANISMS as readonly string[]).includes(value);
}

function assertSecure(settings: KafkaConnectionSettings): void {
  const missing: string[] = [];
  if (!settings.ssl) missing.push('TLS (KAFKA_SSL=true or KAFKA_SSL_CA_FILE)');
  if (!settings.sasl || !SCRAM_MECHANISMS.includes(settings.sasl.mechanism as SaslMechanism)) {
    missing.push('SASL/SCRAM (KAFKA_SASL_MECHANISM=scram-sha-256 or scram-sha-512)');
  }
  if (missing.length > 0) {
    throw new Error(
      `NODE_ENV=production needs Kafka over ${missing.join(' and ')}; ` +
        'set KAFKA_ALLOW_INSECURE=true to connect without them on purpose',
    );
  }
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
