// End to end: applications of several agencies at once from POST to COMPLETED, with the legacy
// latency knob at each setting, beside what the legacy systems can serve at that latency.
const { runLoad } = require('../lib/http-load');
const {
  ApplicationTracker,
  burstFigures,
  latencyFigures,
  submitBurst,
  submitPaced,
} = require('../lib/applications');
const { setEverySystem, submissionProbe, SYSTEM_OF_AGENCY } = require('../lib/legacy-sim');
const { AGENCIES } = require('../lib/samples');
const { SETTINGS } = require('../lib/settings');
const { median, summary } = require('../lib/stats');

/**
 * What one agency's legacy system can serve: calls are answered after `latencyMs` plus the
 * simulator's own service time, and the adapters are configured to have at most
 * `concurrency` submissions in flight (ADAPTER_LEGACY_CONCURRENCY x instances). Computed
 * from that, and measured by calling the simulator directly with that many connections.
 */
async function legacyCapacity({ simUrl, concurrency, seconds }) {
  const perAgency = {};
  for (const agency of AGENCIES) {
    const probe = submissionProbe(simUrl, SYSTEM_OF_AGENCY[agency]);
    const run = await runLoad({
      url: probe.url,
      connections: concurrency,
      durationSeconds: seconds,
      headers: probe.headers,
      rawBody: probe.body,
    });
    // The probe is refused on purpose (nothing is stored): every answer counts as served.
    perAgency[agency] = {
      servedPerSecond: run.requests / run.durationSeconds,
      meanLatencyMs: run.latencyMs.mean,
      errors: run.errors + run.timeouts,
    };
  }
  return perAgency;
}

async function endToEndScenario({ stack, monitor, latencyMs, serviceTimeMs, log }) {
  await setEverySystem(stack.simUrl, { latencyMs, processingMs: SETTINGS.legacyProcessingMs });
  const concurrency = SETTINGS.adapter.legacyConcurrency;
  const measured = await legacyCapacity({ simUrl: stack.simUrl, concurrency, seconds: 2 });
  const capacity = {};
  for (const agency of AGENCIES) {
    const service = serviceTimeMs?.[agency] ?? measured[agency].meanLatencyMs - latencyMs;
    capacity[agency] = {
      computedPerSecond: concurrency / ((latencyMs + Math.max(service, 0)) / 1000),
      measuredPerSecond: measured[agency].servedPerSecond,
      serviceTimeMs: service,
    };
  }
  const capacityTotal = Object.values(capacity).reduce(
    (sum, figures) => sum + figures.computedPerSecond,
    0,
  );
  log(
    `  legacy capacity at ${latencyMs} ms with ${concurrency} in flight per agency: ${capacityTotal.toFixed(1)} applications/s`,
  );

  const consumersBefore = await stack.otherConsumers();
  const tracker = new ApplicationTracker(SETTINGS.databaseUrl);
  await tracker.connect();
  try {
    const perAgencyCount = SETTINGS.endToEnd.burstPerAgency[latencyMs] ?? 30;
    const bursts = [];
    for (let repeat = 0; repeat < SETTINGS.repeats; repeat++) {
      const window = monitor.window();
      const ids = await submitBurst({
        gatewayUrl: stack.gatewayUrl,
        headerSets: stack.headerSets,
        agencies: AGENCIES,
        count: perAgencyCount * AGENCIES.length,
        offset: repeat * 10000,
      });
      await tracker.waitUntilCompleted(ids, SETTINGS.endToEnd.completionTimeoutMs);
      const figures = burstFigures(await tracker.timelines(ids), AGENCIES);
      figures.resources = window.end();
      figures.statusEvents = await tracker.receiptOutcomes(ids);
      bursts.push(figures);
      log(
        `  burst of ${ids.length}: ${figures.completedPerSecond.toFixed(1)} completed/s (` +
          AGENCIES.map(
            (agency) => `${agency} ${figures.perAgency[agency].completedPerSecond?.toFixed(1)}`,
          ).join(', ') +
          `), all done in ${figures.makespanSeconds.toFixed(1)} s`,
      );
    }
    const burstRate = (agency) =>
      median(bursts.map((burst) => burst.perAgency[agency].completedPerSecond));
    const ratePerAgency = Object.fromEntries(
      AGENCIES.map((agency) => [agency, SETTINGS.endToEnd.pacedShare * burstRate(agency)]),
    );
    const paced = [];
    for (let repeat = 0; repeat < SETTINGS.repeats; repeat++) {
      const ids = await submitPaced({
        gatewayUrl: stack.gatewayUrl,
        headerSets: stack.headerSets,
        ratePerAgency,
        seconds: SETTINGS.endToEnd.pacedSeconds,
        offset: 50000 + repeat * 10000,
      });
      await tracker.waitUntilCompleted(ids, SETTINGS.endToEnd.completionTimeoutMs);
      const figures = latencyFigures(await tracker.timelines(ids), AGENCIES);
      figures.statusEvents = await tracker.receiptOutcomes(ids);
      paced.push(figures);
      log(
        `  paced ${ids.length} at ${Object.values(ratePerAgency)
          .reduce((a, b) => a + b, 0)
          .toFixed(1)}/s: ` +
          `submit->completed p50 ${figures.all.p50.toFixed(0)} ms, p99 ${figures.all.p99.toFixed(0)} ms`,
      );
    }
    const completed = summary(bursts.map((burst) => burst.completedPerSecond));
    const statusEvents = {};
    for (const run of [...bursts, ...paced]) {
      for (const [outcome, count] of Object.entries(run.statusEvents)) {
        statusEvents[outcome] = (statusEvents[outcome] ?? 0) + count;
      }
    }
    return {
      statusEvents,
      otherConsumers: mergeConsumers(consumersBefore, await stack.otherConsumers()),
      latencyMs,
      processingMs: SETTINGS.legacyProcessingMs,
      legacyCapacity: {
        perAgency: capacity,
        totalPerSecond: capacityTotal,
        concurrencyPerAgency: concurrency,
      },
      throughput: {
        completedPerSecond: completed,
        shareOfLegacyCapacity: completed.median / capacityTotal,
        perAgency: Object.fromEntries(
          AGENCIES.map((agency) => [
            agency,
            {
              completedPerSecond: summary(
                bursts.map((burst) => burst.perAgency[agency].completedPerSecond),
              ),
              deliveredPerSecond: summary(
                bursts.map((burst) => burst.perAgency[agency].deliveredPerSecond),
              ),
              shareOfLegacyCapacity: burstRate(agency) / capacity[agency].computedPerSecond,
            },
          ]),
        ),
        burstApplications: perAgencyCount * AGENCIES.length,
        cpuPercent: cpuDuringBursts(bursts),
        makespanSeconds: summary(bursts.map((burst) => burst.makespanSeconds)),
      },
      latency: {
        offeredPerSecond: ratePerAgency,
        p50Ms: summary(paced.map((run) => run.all.p50)),
        p99Ms: summary(paced.map((run) => run.all.p99)),
        toDeliveredP50Ms: summary(paced.map((run) => run.all.toDeliveredP50)),
        perAgency: Object.fromEntries(
          AGENCIES.map((agency) => [
            agency,
            {
              p50Ms: summary(paced.map((run) => run.perAgency[agency].p50)),
              p99Ms: summary(paced.map((run) => run.perAgency[agency].p99)),
              toDeliveredP50Ms: summary(paced.map((run) => run.perAgency[agency].toDeliveredP50)),
            },
          ]),
        ),
      },
    };
  } finally {
    await tracker.close();
  }
}

function mergeConsumers(...lists) {
  const merged = new Map();
  for (const entry of lists.flat()) {
    merged.set(entry.groupId, [
      ...new Set([...(merged.get(entry.groupId) ?? []), ...entry.topics]),
    ]);
  }
  return [...merged].map(([groupId, topics]) => ({ groupId, topics }));
}

/** Median CPU (% of one core) of each process and of the machine while the bursts ran. */
function cpuDuringBursts(bursts) {
  const labels = new Set(bursts.flatMap((burst) => Object.keys(burst.resources.apps)));
  const figures = {};
  for (const label of labels) {
    figures[label] = median(bursts.map((burst) => burst.resources.apps[label]?.cpuPercent));
  }
  figures.postgres = median(bursts.map((burst) => burst.resources.others.postgres?.cpuPercent));
  figures.kafka = median(bursts.map((burst) => burst.resources.others.kafka?.cpuPercent));
  figures.machineBusy = median(bursts.map((burst) => burst.resources.machineBusyPercent));
  return figures;
}

module.exports = { endToEndScenario, legacyCapacity, mergeConsumers };
