// `npm run build`: builds every app `npm start` runs, in start order, into dist/apps/<name>.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { APPS } = require('./apps');

const ROOT = path.resolve(__dirname, '..');

function buildApps() {
  for (const app of APPS) {
    console.log(`[build] ${app.name}`);
    const result = spawnSync('npx', ['nest', 'build', app.name], { cwd: ROOT, stdio: 'inherit' });
    if (result.status !== 0) throw new Error(`build of ${app.name} failed`);
  }
}

if (require.main === module) buildApps();

module.exports = { buildApps };
