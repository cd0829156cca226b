// Scale-out: one agency's applications arrive faster than its legacy system can take them at a
// latency that dominates; completions per second with one adapter instance, then with a second
// one joining the same consumer group. A steady stream keeps a backlog on every partition, so
// the figure is what the instances sustain, not how evenly a burst happened to spread.
const { ApplicationTracker, startStream } = require('../lib/applications');
const { mergeConsumers } = require('./end-to-end');
const { setEverySystem } = require('../lib/legacy-sim');
const { sleep } = require('../lib/processes');
const { SETTINGS } = require('../lib/settings');
const { summary } = require('../lib/stats');

async function windows({ tracker, agency, instances, log }) {
  const { windowSeconds } = SETTINGS.scaleOut;
  const rates = [];
  for (let repeat = 0; repeat < SETTINGS.repeats; repeat++) {
    const from = Date.now();
    await sleep(windowSeconds * 1000);
    // The gateway records a COMPLETED a moment after the adapter reported it.
    await sleep(500);
    const count = await tracker.completedBetween(agency, from, from + windowSeconds * 1000);
    rates.push(count / windowSeconds);
    log(`  ${instances} instance(s): ${rates.at(-1).toFixed(1)} completed/s`);
  }
  return summary(rates);
}

async function scaleOutScenario({ stack, log }) {
  const { agency, latencyMs, overload, rampSeconds } = SETTINGS.scaleOut;
  await setEverySystem(stack.simUrl, { latencyMs, processingMs: SETTINGS.legacyProcessingMs });
  const concurrency = SETTINGS.adapter.legacyConcurrency;
  const capacity = (instances) => (instances * concurrency) / (latencyMs / 1000);
  const consumersBefore = await stack.otherConsumers();
  const tracker = new ApplicationTracker(SETTINGS.databaseUrl);
  await tracker.connect();
  const stream = startStream({
    gatewayUrl: stack.gatewayUrl,
    headerSets: stack.headerSets,
    agency,
    rate: overload * capacity(1),
    offset: 300000,
  });
  let ids = [];
  try {
    await sleep(rampSeconds * 1000);
    const one = await windows({ tracker, agency, instances: 1, log });
    await stack.addAdapterInstance(agency, SETTINGS.ports.secondInstance, 2);
    stream.setRate(overload * capacity(2));
    await sleep(SETTINGS.scaleOut.joinRampSeconds * 1000);
    const two = await windows({ tracker, agency, instances: 2, log });
    ids = await stream.stop();
    return {
      agency,
      latencyMs,
      partitions: 6,
      legacyConcurrencyPerInstance: concurrency,
      offeredPerSecond: {
        oneInstance: overload * capacity(1),
        twoInstances: overload * capacity(2),
      },
      windowSeconds: SETTINGS.scaleOut.windowSeconds,
      oneInstance: one,
      twoInstances: two,
      ratio: two.median / one.median,
      legacyCapacityPerSecond: { oneInstance: capacity(1), twoInstances: capacity(2) },
      applications: ids.length,
      statusEvents: await tracker.receiptOutcomes(ids),
      otherConsumers: mergeConsumers(consumersBefore, await stack.otherConsumers()),
    };
  } finally {
    if (ids.length === 0) await stream.stop().catch(() => undefined);
    await tracker.close();
  }
}

module.exports = { scaleOutScenario };
