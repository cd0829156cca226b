// Intake: POST /v1/applications under closed-loop load at several concurrency levels, beside an
// empty Nest/Express handler under the same load (what HTTP alone costs on this machine), and
// beside gateways that differ from the bench's configuration by one setting each.
const fs = require('node:fs');
const { summariseProfile } = require('../lib/cpu-profile');
const { runLoad } = require('../lib/http-load');
const { waitFor } = require('../lib/processes');
const { submissionCycle } = require('../lib/samples');
const { SETTINGS } = require('../lib/settings');
const { summary } = require('../lib/stats');

async function measured(monitor, load) {
  const window = monitor.window();
  const result = await load();
  return { ...result, resources: window.end() };
}

async function intakeScenario({ stack, monitor, log }) {
  const nextBody = submissionCycle();
  const intake = (gatewayUrl, connections, durationSeconds = SETTINGS.intakeSeconds) =>
    runLoad({
      url: `${gatewayUrl}/v1/applications`,
      connections,
      durationSeconds,
      headerSets: stack.intakeHeaderSets,
      nextBody,
    });
  const noop = (connections) =>
    runLoad({
      url: `${stack.baselineUrl}/v1/noop`,
      connections,
      durationSeconds: SETTINGS.noopSeconds,
      nextBody,
    });
  // Warm-up: the JIT of every gateway (a few thousand requests each) and of the empty handler.
  for (const gateway of [{ url: stack.intakeGatewayUrl }, ...stack.variantGateways]) {
    await intake(gateway.url, SETTINGS.variantConcurrency, SETTINGS.warmUpSeconds);
  }
  await noop(SETTINGS.variantConcurrency);

  const runs = {};
  const noopRuns = {};
  const variantRuns = Object.fromEntries(
    stack.variantGateways.map((variant) => [variant.name, []]),
  );
  const pairedRuns = [];
  for (let repeat = 0; repeat < SETTINGS.repeats; repeat++) {
    for (const connections of SETTINGS.intakeConcurrency) {
      const http = await measured(monitor, () => noop(connections));
      (noopRuns[connections] ??= []).push(http);
      const run = await measured(monitor, () => intake(stack.intakeGatewayUrl, connections));
      (runs[connections] ??= []).push(run);
      log(
        `  intake @${connections}: ${run.requestsPerSecond.toFixed(0)} req/s, p99 ${run.latencyMs.p99} ms, ` +
          `failures ${run.failures}, gateway CPU ${run.resources.apps['gateway-intake']?.cpuPercent?.toFixed(0)}%, ` +
          `machine ${run.resources.machineBusyPercent?.toFixed(0)}% busy; empty handler ${http.requestsPerSecond.toFixed(0)} req/s`,
      );
      if (connections !== SETTINGS.variantConcurrency) continue;
      pairedRuns.push(run);
      for (const variant of stack.variantGateways) {
        const other = await measured(monitor, () => intake(variant.url, connections));
        variantRuns[variant.name].push({ ...other, label: variant.label });
        log(
          `    ${variant.name}: ${other.requestsPerSecond.toFixed(0)} req/s, p99 ${other.latencyMs.p99} ms`,
        );
      }
    }
  }
  const levels = {};
  for (const [connections, list] of Object.entries(runs)) {
    levels[connections] = {
      ...summariseRuns(list, 'gateway-intake'),
      emptyHandler: summariseRuns(noopRuns[connections], 'baseline-http'),
    };
  }
  const reference = summariseRuns(pairedRuns, 'gateway-intake');
  const variants = stack.variantGateways.map((variant) => {
    const figures = summariseRuns(variantRuns[variant.name], variant.label);
    return {
      name: variant.name,
      env: variant.env,
      connections: SETTINGS.variantConcurrency,
      ...figures,
      requestsPerSecondRatio: figures.requestsPerSecond.median / reference.requestsPerSecond.median,
    };
  });
  const profile = SETTINGS.profileIntake
    ? await profiledRun(
        stack,
        () => intake(stack.intakeGatewayUrl, SETTINGS.variantConcurrency),
        log,
      )
    : undefined;
  return { levels, reference, variants, profile, runs, noopRuns, variantRuns };
}

/** One more run, not counted above, with the gateway's CPU profiler on (lib/cpu-profile-preload.js). */
async function profiledRun(stack, load, log) {
  const pid = stack.pidOf('gateway-intake');
  const file = stack.intakeProfileFile;
  process.kill(pid, 'SIGWINCH');
  const run = await load();
  process.kill(pid, 'SIGWINCH');
  await waitFor('the CPU profile', () => fs.existsSync(file), { timeoutMs: 15000 });
  await waitFor('the CPU profile to be complete', () => {
    try {
      JSON.parse(fs.readFileSync(file, 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
  const summary = summariseProfile(file);
  log(
    `  profiled run: ${run.requestsPerSecond.toFixed(0)} req/s; busy ${(summary.busyShare * 100).toFixed(0)}% of the time; ` +
      summary.byPackage
        .slice(0, 5)
        .map((entry) => `${entry.name} ${(entry.shareOfBusy * 100).toFixed(0)}%`)
        .join(', '),
  );
  return {
    file,
    connections: run.connections,
    requestsPerSecond: run.requestsPerSecond,
    ...summary,
  };
}

function summariseRuns(list, label) {
  const cpuOf = (name) => summary(list.map((run) => run.resources.apps[name]?.cpuPercent));
  // CPU per accepted application, in ms of one core, by where it was spent.
  const perRequest = (percentOf) =>
    summary(list.map((run) => ((percentOf(run) ?? NaN) / 100 / run.requestsPerSecond) * 1000));
  return {
    cpuMsPerRequest: {
      server: perRequest((run) => run.resources.apps[label]?.cpuPercent),
      postgres: perRequest((run) => run.resources.others.postgres?.cpuPercent),
      loadGenerator: perRequest((run) => run.resources.apps.bench?.cpuPercent),
    },
    requestsPerSecond: summary(list.map((run) => run.requestsPerSecond)),
    latencyMs: {
      p50: summary(list.map((run) => run.latencyMs.p50)),
      p99: summary(list.map((run) => run.latencyMs.p99)),
      max: summary(list.map((run) => run.latencyMs.max)),
    },
    failures: list.reduce((sum, run) => sum + run.failures, 0),
    requests: list.reduce((sum, run) => sum + run.requests, 0),
    cpuPercent: {
      server: cpuOf(label),
      loadGenerator: cpuOf('bench'),
      postgres: summary(list.map((run) => run.resources.others.postgres?.cpuPercent)),
      machineBusy: summary(list.map((run) => run.resources.machineBusyPercent)),
    },
    peakRssMb: Math.max(...list.map((run) => run.resources.apps[label]?.peakRssMb ?? 0)),
  };
}

module.exports = { intakeScenario };
