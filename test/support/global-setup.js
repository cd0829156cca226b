// Brings up what the integration tests need: the local Kafka broker, PostgreSQL and the topics.
const { ensureInfrastructure } = require('../../scripts/infra/up');

module.exports = async () => {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/mpp_test';
  process.env.LOG_LEVEL ??= 'warn';
  const infra = await ensureInfrastructure({ quiet: true });
  process.env.KAFKA_BROKERS = infra.brokers;
  globalThis.__MPP_INFRA__ = infra;
};
