// `npm run seed [-- --seed N --days N --per-day N]`: a month of demo applications, status
// histories and surveys in the stack `npm start` runs, so the reports have something to show.
// The gateway bundle does the work (`main.js seed`, apps/gateway/src/demo-seeder); running it
// again with the same seed on the same day adds nothing.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { APPS } = require('./apps');
const { demoClientKey, devAdminKey } = require('./dev-access');

const ROOT = path.resolve(__dirname, '..');
const BUNDLE = path.join(ROOT, 'dist', 'apps', 'gateway', 'main.js');

async function main() {
  const gateway = APPS.find((app) => app.name === 'gateway');
  const url = `http://127.0.0.1:${process.env.GATEWAY_PORT ?? gateway.env.GATEWAY_PORT}`;
  const healthy = await fetch(`${url}/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (!healthy) throw new Error(`no gateway at ${url}: start the stack with npm start first`);
  if (!fs.existsSync(BUNDLE)) {
    const build = spawnSync('npx', ['nest', 'build', 'gateway'], { cwd: ROOT, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('the gateway build failed');
  }
  const key = process.env.MPP_KEY ?? (await demoClientKey(url, devAdminKey()));
  const run = spawnSync('node', [BUNDLE, 'seed', ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, MPP_GATEWAY_URL: url, MPP_KEY: key },
  });
  process.exit(run.status ?? 1);
}

main().catch((error) => {
  console.error(`[seed] ${error.message}`);
  process.exit(1);
});
