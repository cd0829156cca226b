// Brings up the infrastructure every component needs: PostgreSQL and the Kafka broker.
const { ensurePostgres } = require('./postgres');
const { ensureKafka } = require('./kafka');

async function ensureInfrastructure({ quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(`[infra] ${line}`);
  const postgres = await ensurePostgres({ log });
  const kafka = await ensureKafka({ log });
  return { databaseUrl: postgres.url, brokers: kafka.brokers, kafka };
}

module.exports = { ensureInfrastructure };

if (require.main === module) {
  ensureInfrastructure().then(
    (infra) => console.log(`[infra] PostgreSQL and Kafka (${infra.brokers}) are up`),
    (error) => {
      console.error(`[infra] ${error.message}`);
      process.exit(1);
    },
  );
}
