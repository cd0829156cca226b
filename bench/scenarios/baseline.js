// The request-reply baseline beside the gateway, same load, same machine, same legacy latency.
const { runLoad } = require('../lib/http-load');
const { setEverySystem } = require('../lib/legacy-sim');
const { waitFor } = require('../lib/processes');
const { submission, submissionCycle } = require('../lib/samples');
const { SETTINGS } = require('../lib/settings');
const { median, summary } = require('../lib/stats');

async function baselineAnswers(baselineUrl) {
  const response = await fetch(`${baselineUrl}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(submission('disdukcapil.ktp-el-penggantian', 1)),
  }).catch(() => undefined);
  return response?.status === 201;
}

async function baselineScenario({ stack, latencyMs, log }) {
  await setEverySystem(stack.simUrl, { latencyMs, processingMs: SETTINGS.legacyProcessingMs });
  // The reply consumer must have its partitions before the first request can name one.
  await waitFor('the baseline to answer', () => baselineAnswers(stack.baselineUrl), {
    timeoutMs: 60000,
    everyMs: 500,
  });
  const connections = SETTINGS.baselineConcurrency;
  const durationSeconds = SETTINGS.baselineSeconds;
  // Both serve the civil registry only: the same bodies to both.
  const bodies = () => submissionCycle(['disdukcapil']);
  await runLoad({
    url: `${stack.baselineUrl}/v1/applications`,
    connections,
    durationSeconds: 2,
    nextBody: bodies(),
  });
  const baseline = [];
  const gateway = [];
  const ratios = [];
  for (let repeat = 0; repeat < SETTINGS.repeats; repeat++) {
    const base = await runLoad({
      url: `${stack.baselineUrl}/v1/applications`,
      connections,
      durationSeconds,
      nextBody: bodies(),
    });
    const ours = await runLoad({
      url: `${stack.intakeGatewayUrl}/v1/applications`,
      connections,
      durationSeconds: SETTINGS.intakeSeconds,
      headerSets: stack.intakeHeaderSets,
      nextBody: bodies(),
    });
    baseline.push(base);
    gateway.push(ours);
    ratios.push(ours.steadyRequestsPerSecond / base.steadyRequestsPerSecond);
    log(
      `  baseline ${base.steadyRequestsPerSecond.toFixed(1)} req/s (p50 ${base.latencyMs.p50} ms, failures ${base.failures}) ` +
        `vs gateway ${ours.steadyRequestsPerSecond.toFixed(0)} req/s (p50 ${ours.latencyMs.p50} ms, failures ${ours.failures})`,
    );
  }
  const figures = (runs) => ({
    requestsPerSecond: summary(runs.map((run) => run.steadyRequestsPerSecond)),
    requestsPerSecondOverWholeRun: summary(runs.map((run) => run.requestsPerSecond)),
    latencyMs: {
      p50: summary(runs.map((run) => run.latencyMs.p50)),
      p99: summary(runs.map((run) => run.latencyMs.p99)),
      max: summary(runs.map((run) => run.latencyMs.max)),
    },
    failures: runs.reduce((sum, run) => sum + run.failures, 0),
  });
  return {
    latencyMs,
    connections,
    durationSeconds,
    baseline: figures(baseline),
    gateway: figures(gateway),
    ratio: { ...summary(ratios), median: median(ratios) },
  };
}

module.exports = { baselineScenario };
