// Makes sure the PostgreSQL server named by DATABASE_URL answers and its database exists;
// starts the local cluster when it is stopped and this machine can start it.
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const { Client } = require('pg');

const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/mpp';

async function canConnect(url) {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch (error) {
    return error && error.code !== 'ECONNREFUSED' && error.code !== 'ENOENT' ? error : false;
  }
}

function isLocal(url) {
  return ['127.0.0.1', 'localhost', '::1', ''].includes(new URL(url).hostname);
}

function startLocalCluster() {
  if (!fs.existsSync('/etc/postgresql')) return false;
  const versions = fs.readdirSync('/etc/postgresql');
  for (const version of versions) {
    try {
      execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], {
        stdio: 'ignore',
      });
    } catch {
      // already running or not startable; the connection check below decides.
    }
  }
  return versions.length > 0;
}

async function ensurePostgres({
  url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  log = () => {},
} = {}) {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  let reachable = await canConnect(maintenance.toString());
  if (reachable !== true && isLocal(url)) {
    log('PostgreSQL is not answering; starting the local cluster');
    if (startLocalCluster()) {
      for (let i = 0; i < 30 && reachable !== true; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        reachable = await canConnect(maintenance.toString());
      }
    }
  }
  if (reachable !== true) {
    const reason = reachable instanceof Error ? reachable.message : 'connection refused';
    throw new Error(`PostgreSQL at ${maintenance.host} is not reachable: ${reason}`);
  }
  const database = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  const client = new Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
      log(`created database ${database}`);
    }
  } finally {
    await client.end();
  }
  return { url };
}

module.exports = { ensurePostgres, DEFAULT_DATABASE_URL };

if (require.main === module) {
  ensurePostgres({ log: console.log }).then(
    ({ url }) => console.log(`PostgreSQL ready: ${new URL(url).host}${new URL(url).pathname}`),
    (error) => {
      console.error(error.message);
      process.exit(1);
    },
  );
}
