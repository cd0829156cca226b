// `npm test`: brings up PostgreSQL and Kafka if needed, runs every unit and integration test
// against them, and stops the broker again if it started it. Extra arguments go to jest.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureInfrastructure } = require('./infra/up');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, '.local', 'jest-results.json');

async function main() {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/mpp_test';
  const infra = await ensureInfrastructure();
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  let status = 1;
  try {
    const run = spawnSync(
      'npx',
      ['jest', '--runInBand', '--json', `--outputFile=${RESULTS}`, ...process.argv.slice(2)],
      { cwd: ROOT, stdio: 'inherit', env: { ...process.env, KAFKA_BROKERS: infra.brokers } },
    );
    status = run.status ?? 1;
  } finally {
    if (infra.kafka.startedByUs) await infra.kafka.stop();
  }
  if (fs.existsSync(RESULTS)) {
    const summary = JSON.parse(fs.readFileSync(RESULTS, 'utf8'));
    const skipped = summary.numPendingTests + summary.numTodoTests;
    console.log(
      `tests: ${summary.numPassedTests} passed, ${summary.numFailedTests} failed` +
        (skipped ? `, ${skipped} skipped` : ''),
    );
  }
  process.exit(status);
}

main().catch((error) => {
  console.error(`[test] ${error.message}`);
  process.exit(1);
});
