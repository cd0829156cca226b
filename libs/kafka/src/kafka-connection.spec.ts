import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kafkaConnectionFromEnv, toKafkaConfig } from './kafka-connection';

const PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2E=\n-----END CERTIFICATE-----\n';
const folder = mkdtempSync(join(tmpdir(), 'kafka-connection-'));
const caFile = join(folder, 'ca.pem');
writeFileSync(caFile, PEM);
const notPem = join(folder, 'ca.txt');
writeFileSync(notPem, 'not a certificate');

const SCRAM = {
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'mpp-gateway',
  KAFKA_SASL_PASSWORD: 's3cret',
};

const configOf = (env: NodeJS.ProcessEnv) => toKafkaConfig(kafkaConnectionFromEnv('gateway', env));

describe('Kafka connection from the environment', () => {
  it('connects to the local broker in the clear by default', () => {
    expect(configOf({})).toMatchObject({
      clientId: 'gateway',
      brokers: ['127.0.0.1:9092'],
      ssl: undefined,
      sasl: undefined,
    });
  });

  it('reads several brokers', () => {
    expect(configOf({ KAFKA_BROKERS: ' k1:9093, k2:9093 ,' }).brokers).toEqual([
      'k1:9093',
      'k2:9093',
    ]);
    expect(() => configOf({ KAFKA_BROKERS: ' , ' })).toThrow('KAFKA_BROKERS names no broker');
  });

  it('uses TLS with the system CAs, or with the CA certificate of a file', () => {
    expect(configOf({ KAFKA_SSL: 'true' }).ssl).toBe(true);
    expect(configOf({ KAFKA_SSL_CA_FILE: caFile }).ssl).toEqual({
      ca: [PEM],
      rejectUnauthorized: true,
    });
  });

  it('refuses a CA file it cannot read or that holds no certificate', () => {
    expect(() => configOf({ KAFKA_SSL_CA_FILE: join(folder, 'missing.pem') })).toThrow(
      /KAFKA_SSL_CA_FILE .*missing\.pem cannot be read/,
    );
    expect(() => configOf({ KAFKA_SSL_CA_FILE: notPem })).toThrow('holds no PEM certificate');
  });

  it.each(['scram-sha-256', 'scram-sha-512'])('authenticates with SASL %s', (mechanism) => {
    expect(configOf({ ...SCRAM, KAFKA_SASL_MECHANISM: mechanism }).sasl).toEqual({
      mechanism,
      username: 'mpp-gateway',
      password: 's3cret',
    });
  });

  it('refuses an unknown mechanism and a mechanism without credentials', () => {
    expect(() => configOf({ ...SCRAM, KAFKA_SASL_MECHANISM: 'gssapi' })).toThrow(
      'unsupported KAFKA_SASL_MECHANISM: gssapi',
    );
    expect(() => configOf({ KAFKA_SASL_MECHANISM: 'scram-sha-256' })).toThrow(
      'needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    );
  });

  describe('in production', () => {
    const production = { NODE_ENV: 'production', KAFKA_BROKERS: 'kafka-1.batam.go.id:9094' };

    it('connects over TLS with SASL/SCRAM', () => {
      expect(configOf({ ...production, ...SCRAM, KAFKA_SSL_CA_FILE: caFile })).toMatchObject({
        brokers: ['kafka-1.batam.go.id:9094'],
        ssl: { ca: [PEM], rejectUnauthorized: true },
        sasl: { mechanism: 'scram-sha-512', username: 'mpp-gateway' },
      });
    });

    it.each([
      ['without TLS or SASL', {}, /TLS .* and SASL\/SCRAM/],
      ['without TLS', SCRAM, /needs Kafka over TLS \(/],
      ['without SASL', { KAFKA_SSL: 'true' }, /needs Kafka over SASL\/SCRAM/],
      [
        'with SASL/PLAIN',
        { ...SCRAM, KAFKA_SASL_MECHANISM: 'plain', KAFKA_SSL: 'true' },
        /needs Kafka over SASL\/SCRAM/,
      ],
    ])('refuses to start %s', (_case, env, message) => {
      expect(() => configOf({ ...production, ...env })).toThrow(message);
    });

    it('connects in the clear only when told to on purpose', () => {
      expect(configOf({ ...production, KAFKA_ALLOW_INSECURE: 'true' })).toMatchObject({
        ssl: undefined,
        sasl: undefined,
      });
      expect(() => configOf({ ...production, KAFKA_ALLOW_INSECURE: 'yes' })).toThrow();
    });
  });
});
