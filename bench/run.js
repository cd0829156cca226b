// `npm run bench`: limits, intake, baseline, end to end and scale-out in one run on this
// machine; writes bench/results/<date>.json and .md, and bench/RESULTS.md. See bench/README.md.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { ensureInfrastructure } = require('../scripts/infra/up');
const { recreateDatabase, deleteGroups, deleteTopics } = require('./lib/infra');
const { describeMachine } = require('./lib/machine');
const { ROOT, DIST, sleep } = require('./lib/processes');
const { renderReport } = require('./lib/report');
const { ResourceMonitor } = require('./lib/resource-monitor');
const { SETTINGS } = require('./lib/settings');
const { BenchStack } = require('./lib/stack');
const { evaluateTargets } = require('./lib/targets');
const { postgresLimits, kafkaLimits } = require('./scenarios/limits');
const { intakeScenario } = require('./scenarios/intake');
const { baselineScenario } = require('./scenarios/baseline');
const { endToEndScenario } = require('./scenarios/end-to-end');
const { scaleOutScenario } = require('./scenarios/scale-out');

const APPS = [
  'legacy-sim',
  'adapter-disdukcapil',
  'adapter-dpmptsp',
  'adapter-bpbatam',
  'gateway',
  'bench-baseline',
];
const RESULTS_DIR = path.join(__dirname, 'results');
const prettier = require('prettier');

const startedAt = Date.now();
const log = (line) =>
  console.log(`[bench ${((Date.now() - startedAt) / 1000).toFixed(0).padStart(3)}s] ${line}`);

/** Builds the apps two at a time (webpack keeps one core busy each). */
async function build() {
  if (process.env.BENCH_SKIP_BUILD === 'true') {
    log(`using the apps already built in ${path.relative(ROOT, DIST) || DIST}`);
    return;
  }
  const queue = [...APPS];
  const worker = async () => {
    for (let app = queue.shift(); app; app = queue.shift()) {
      log(`building ${app}`);
      const child = spawn('npx', ['nest', 'build', app], {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const code = await new Promise((resolve) => child.once('exit', resolve));
      if (code !== 0) throw new Error(`the build of ${app} failed`);
    }
  };
  await Promise.all([worker(), worker()]);
}

async function phase(name, results, work) {
  log(name);
  const begin = Date.now();
  try {
    return await work();
  } finally {
    results.phaseSeconds[name] = Math.round((Date.now() - begin) / 100) / 10;
  }
}

async function main() {
  const date = new Date();
  const stamp = date.toISOString().replace(/[:]/g, '-').replace(/\..+/, '');
  const runId = date.getTime().toString(36);
  const logDir = path.join(ROOT, '.local', 'bench', stamp);
  fs.mkdirSync(logDir, { recursive: true });
  fs.mkdirSync(RESULTS_DIR, { recursive: true });

  const infra = await ensureInfrastructure();
  log(
    `Kafka ${infra.brokers} (${infra.kafka.startedByUs ? 'started for this run' : 'already running'})`,
  );
  await build();
  await recreateDatabase(SETTINGS.databaseUrl);
  await recreateDatabase(SETTINGS.intakeDatabaseUrl);
  const results = {
    date: date.toISOString(),
    runId,
    settings: SETTINGS,
    machine: await describeMachine(SETTINGS.databaseUrl),
    phaseSeconds: {},
    logs: path.relative(ROOT, logDir),
  };
  const monitor = new ResourceMonitor();
  monitor.track('bench', process.pid);
  monitor.start();
  const stack = new BenchStack({ runId, brokers: infra.brokers, logDir, monitor });
  const limitsTopic = `bench.limits.${runId}`;
  try {
    await phase('starting the stack', results, async () => {
      await stack.startLegacySim();
      await Promise.all([
        stack.startAdapters(),
        stack.startIntakeGateways(),
        stack.startBaseline(),
      ]);
      results.access = stack.access;
    });
    results.limits = await phase('limits', results, async () => ({
      postgres: await postgresLimits({
        databaseUrl: SETTINGS.intakeDatabaseUrl,
        concurrencyLevels: SETTINGS.intakeConcurrency,
        seconds: SETTINGS.limits.pgSeconds,
        repeats: SETTINGS.repeats,
        monitor,
        log,
      }),
      kafka: await kafkaLimits({
        brokers: infra.brokers,
        topic: limitsTopic,
        groupPrefix: `bench-${runId}-limits`,
        seconds: SETTINGS.limits.kafkaSeconds,
        batchSize: SETTINGS.limits.kafkaBatch,
        repeats: SETTINGS.repeats,
        log,
      }),
    }));
    results.intake = await phase('intake', results, () => intakeScenario({ stack, monitor, log }));
    results.baseline = await phase('baseline beside the gateway', results, () =>
      baselineScenario({ stack, latencyMs: 200, log }),
    );
    await phase('gateway for end to end', results, async () => {
      await sleep(1000); // the last requests of the load generator finish before their gateway stops
      await Promise.all([stack.stopIntakeGateways(), stack.stopBaseline()]);
      await stack.startGateway();
    });
    results.endToEnd = {};
    for (const latencyMs of SETTINGS.legacyLatenciesMs) {
      const serviceTimeMs =
        latencyMs === 0
          ? undefined
          : Object.fromEntries(
              Object.entries(results.endToEnd['0']?.legacyCapacity.perAgency ?? {}).map(
                ([agency, figures]) => [agency, figures.serviceTimeMs],
              ),
            );
      results.endToEnd[latencyMs] = await phase(
        `end to end, legacy latency ${latencyMs} ms`,
        results,
        () => endToEndScenario({ stack, monitor, latencyMs, serviceTimeMs, log }),
      );
    }
    results.scaleOut = await phase('scale-out', results, () => scaleOutScenario({ stack, log }));
  } catch (error) {
    results.error = String(error.stack ?? error);
    throw error;
  } finally {
    monitor.stop();
    results.peakRssMbWholeRun = monitor.peaks();
    results.appEnvironment = stack.appEnv;
    await stack.stopAll();
    await deleteTopics(infra.brokers, [limitsTopic]).catch(() => undefined);
    // The run's consumer groups (adapters, gateway, baseline, limits), empty once the apps stopped.
    await deleteGroups(infra.brokers, [`bench-${runId}`]).catch(() => undefined);
    if (infra.kafka.startedByUs) {
      log('stopping the Kafka broker this run started');
      await infra.kafka.stop();
    }
    results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
    if (results.error) {
      fs.writeFileSync(
        path.join(RESULTS_DIR, `${stamp}.failed.json`),
        `${JSON.stringify(results, null, 2)}\n`,
      );
      log(
        `failed; what was measured is in bench/results/${stamp}.failed.json, the apps' logs in ${results.logs}`,
      );
    }
  }
  results.targets = evaluateTargets(results);
  // Formatted as the repository's own Markdown is, so a run leaves `npm run lint` clean.
  const markdown = await prettier.format(renderReport(results), { parser: 'markdown' });
  fs.writeFileSync(
    path.join(RESULTS_DIR, `${stamp}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  fs.writeFileSync(path.join(RESULTS_DIR, `${stamp}.md`), markdown);
  if (!SETTINGS.quick) fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), markdown);
  log(`done in ${results.durationSeconds} s: bench/results/${stamp}.json and .md`);
  for (const target of results.targets)
    log(`${target.status.padEnd(12)} ${target.target}: ${target.figure}`);
}

main().catch((error) => {
  console.error(`[bench] ${error.stack ?? error}`);
  process.exitCode = 1;
});
