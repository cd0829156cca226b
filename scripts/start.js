// `npm start`: brings up PostgreSQL and Kafka if needed, builds and runs every app together with
// prefixed logs, and on Ctrl-C stops everything it started, the broker included.
const path = require('node:path');
const { concurrently } = require('concurrently');
const { ensureInfrastructure } = require('./infra/up');
const { APPS } = require('./apps');
const { buildApps } = require('./build');
const { demoClientKey, devAdminKey, ensureOpsGatewayKey } = require('./dev-access');

const ROOT = path.resolve(__dirname, '..');

async function waitUntilHealthy(url, timeoutMs = 120000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

async function main() {
  const infra = await ensureInfrastructure();
  if (process.env.MPP_SKIP_BUILD !== 'true') buildApps();
  const env = {
    ...process.env,
    KAFKA_BROKERS: infra.brokers,
    DATABASE_URL: infra.databaseUrl,
    LOG_FORMAT: process.env.LOG_FORMAT ?? 'pretty',
    GATEWAY_ADMIN_KEY: devAdminKey(),
  };
  const { result, commands } = concurrently(
    APPS.map((app) => ({
      name: app.name,
      prefixColor: app.color,
      command: `node ${path.join('dist', 'apps', app.name, 'main.js')}`,
      env: { ...env, ...app.env, ...pick(process.env, Object.keys(app.env)) },
    })),
    { cwd: ROOT, prefix: 'name', killOthers: ['failure'], killSignal: 'SIGTERM' },
  );

  let stopping = false;
  const stopAll = async (signal) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n[mpp] ${signal}: stopping the apps`);
    for (const command of commands) command.kill('SIGTERM');
    await result.catch(() => undefined);
    if (infra.kafka.startedByUs) {
      console.log('[mpp] stopping the Kafka broker started by npm start');
      await infra.kafka.stop();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));

  const gateway = APPS.find((app) => app.name === 'gateway');
  if (await waitUntilHealthy(gateway.url)) {
    const port = process.env.GATEWAY_PORT ?? gateway.env.GATEWAY_PORT;
    const clientKey = await demoClientKey(`http://127.0.0.1:${port}`, env.GATEWAY_ADMIN_KEY);
    await ensureOpsGatewayKey(`http://127.0.0.1:${port}`, env.GATEWAY_ADMIN_KEY);
    console.log(
      [
        '',
        '[mpp] the stack is up',
        `[mpp]   API            http://127.0.0.1:${port}/v1`,
        `[mpp]   OpenAPI docs   http://127.0.0.1:${port}/docs`,
        `[mpp]   services       http://127.0.0.1:${port}/v1/services`,
        `[mpp]   Kafka          ${infra.brokers}`,
        `[mpp]   demo client key  export MPP_KEY=${clientKey}`,
        '[mpp]   admin key        in .local/dev-admin-key (or GATEWAY_ADMIN_KEY)',
        '[mpp]   ops dashboard  http://127.0.0.1:3300 (a key: npm run -s ops:operator -- add <name> --role ops)',
        '[mpp]   reports page   http://127.0.0.1:3300/reports.html (demo data: npm run seed)',
        '[mpp] Ctrl-C stops everything',
        '',
      ].join('\n'),
    );
  }
  await result.catch(() => undefined);
  if (!stopping) await stopAll('apps exited');
}

function pick(source, keys) {
  return Object.fromEntries(
    keys.filter((key) => source[key] !== undefined).map((key) => [key, source[key]]),
  );
}

main().catch(async (error) => {
  console.error(`[mpp] ${error.message}`);
  process.exit(1);
});
