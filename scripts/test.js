// `npm test`: brings up PostgreSQL and Kafka if needed, runs every unit and integration test
// against them, and stops the broker again if it started it. Extra arguments go to jest.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureInfrastructure } = require('./infra/up');

const ROOT = path.resolve(__dirname, '..');
const RESULTS = path.join(ROOT, '.local', 'jest-results.json');
// Far above a whole run (about 12 minutes); only a run that hangs meets it.
const WATCHDOG_MS = 45 * 60 * 1000;

async function main() {
  process.env.DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/mpp_test';
  const infra = await ensureInfrastructure();
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.rmSync(RESULTS, { force: true });
  let status = 1;
  try {
    // --forceExit: a client a failed test left connected must not keep the run from ending.
    const run = spawnSync(
      process.execPath,
      [
        require.resolve('jest/bin/jest'),
        '--runInBand',
        '--forceExit',
        '--json',
        `--outputFile=${RESULTS}`,
        ...process.argv.slice(2),
      ],
      {
        cwd: ROOT,
        stdio: 'inherit',
        env: { ...process.env, KAFKA_BROKERS: infra.brokers },
        timeout: WATCHDOG_MS,
        killSignal: 'SIGKILL',
      },
    );
    if (run.error?.code === 'ETIMEDOUT') {
      console.error(`[test] jest did not finish within ${WATCHDOG_MS / 60000} minutes: stopped`);
    }
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
