// What the figures were measured on: CPU, cores, memory, Node, PostgreSQL and Kafka versions.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { Client } = require('pg');

function cpuModel() {
  try {
    const line = fs
      .readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((entry) => entry.startsWith('model name'));
    if (line) return line.split(':')[1].trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unknown';
}

/** The version in the running broker's jar names, else the one infra/kafka/pom.xml asks for. */
function kafkaVersion() {
  try {
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      let cmdline;
      try {
        cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        continue;
      }
      if (!cmdline.includes('kafka.Kafka')) continue;
      const match = /kafka_2\.1[23]-(\d+\.\d+\.\d+)/.exec(cmdline);
      if (match) return match[1];
    }
  } catch {
    // no /proc
  }
  try {
    const pom = fs.readFileSync(
      path.join(__dirname, '..', '..', 'infra', 'kafka', 'pom.xml'),
      'utf8',
    );
    const match =
      /<kafka\.version>([^<]+)</.exec(pom) ??
      /kafka_2\.13<\/artifactId>\s*<version>([^<]+)</.exec(pom);
    if (match) return `${match[1]} (from infra/kafka/pom.xml)`;
  } catch {
    // no pom
  }
  return 'unknown';
}

async function postgresFacts(databaseUrl) {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `SELECT current_setting('server_version') AS version,
              current_setting('fsync') AS fsync,
              current_setting('synchronous_commit') AS synchronous_commit,
              current_setting('wal_sync_method') AS wal_sync_method,
              current_setting('max_connections') AS max_connections`,
    );
    return rows[0];
  } finally {
    await client.end();
  }
}

async function describeMachine(databaseUrl) {
  const postgres = await postgresFacts(databaseUrl);
  return {
    cpu: cpuModel(),
    cores: os.cpus().length,
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    postgres: postgres.version,
    postgresDurability: {
      fsync: postgres.fsync,
      synchronousCommit: postgres.synchronous_commit,
      walSyncMethod: postgres.wal_sync_method,
      maxConnections: Number(postgres.max_connections),
    },
    kafka: kafkaVersion(),
    loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

module.exports = { describeMachine };
