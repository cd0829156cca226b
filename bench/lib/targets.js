// The targets, each judged from the figures of one run.

/** The end-to-end target: completions as a share of what the legacy systems can serve. */
const END_TO_END_SHARE = 0.8;

const met = (value) =>
  value === null || value === undefined ? 'not measured' : value ? 'met' : 'not met';

/**
 * What this machine's cores allow at one intake level if nothing else ran: all cores ÷ the CPU
 * one accepted application costs (gateway, PostgreSQL and load generator together).
 */
function intakeCeiling(results, connections) {
  const figures = results.intake?.levels[connections];
  if (!figures) return undefined;
  const { server, postgres, loadGenerator } = figures.cpuMsPerRequest;
  const cpuMsEach = server.median + postgres.median + loadGenerator.median;
  const raw = results.limits?.postgres.singleRowCommit[connections]?.perSecond.median ?? null;
  const asked = raw ? raw / 2 : null;
  return {
    cpuMsEach,
    requestsPerSecond: (results.machine.cores * 1000) / cpuMsEach,
    askedPerSecond: asked,
    coresAsked: asked ? (asked * cpuMsEach) / 1000 : null,
  };
}

/**
 * The whole pipeline's own ceiling on this machine: completions/s end to end with no legacy
 * latency at all, measured in the same run. No latency added in front of the legacy systems can
 * make the pipeline complete more.
 */
function endToEndCeiling(results) {
  return results.endToEnd?.['0']?.throughput.completedPerSecond.median ?? null;
}

/** A target out of reach here, with the figure that shows it, or '' when it is within reach. */
function outOfReach(askedPerSecond, ceilingPerSecond, ceilingWhat) {
  if (!askedPerSecond || !ceilingPerSecond || askedPerSecond <= ceilingPerSecond) return '';
  const digits = ceilingPerSecond >= 100 ? 0 : 1;
  return (
    `; out of reach on this machine: the target asks ${fmt(askedPerSecond, digits)}/s, ` +
    `${fmt(askedPerSecond / ceilingPerSecond, 1)}× the ${fmt(ceilingPerSecond, digits)}/s ${ceilingWhat}`
  );
}

function intakeTarget(results) {
  const rows = Object.entries(results.intake.levels).map(([connections, level]) => {
    const raw = results.limits.postgres.singleRowCommit[connections]?.perSecond.median ?? null;
    const rps = level.requestsPerSecond.median;
    return {
      connections: Number(connections),
      requestsPerSecond: rps,
      rawCommitsPerSecond: raw,
      share: raw ? rps / raw : null,
      p99Ms: level.latencyMs.p99.median,
      failures: level.failures,
    };
  });
  const qualifying = rows.filter((row) => row.p99Ms <= 50 && row.failures === 0);
  const best = [...(qualifying.length ? qualifying : rows)].sort((a, b) => b.share - a.share)[0];
  return {
    rows,
    best,
    met: best ? best.share >= 0.5 && best.p99Ms <= 50 && best.failures === 0 : null,
  };
}

function evaluateTargets(results) {
  const intake = results.intake ? intakeTarget(results) : { rows: [], best: undefined, met: null };
  const e2e = results.endToEnd?.['200'];
  const ceiling = intake.best ? intakeCeiling(results, intake.best.connections) : undefined;
  const e2eCeiling = endToEndCeiling(results);
  const levels = Object.values(results.intake?.levels ?? {});
  const gatewayRss = levels.length ? Math.max(...levels.map((level) => level.peakRssMb)) : null;
  const adapterPeaks = Object.entries(results.peakRssMbWholeRun ?? {}).filter(([label]) =>
    label.startsWith('adapter-'),
  );
  const adapterRss = adapterPeaks.length ? Math.max(...adapterPeaks.map(([, rss]) => rss)) : null;
  const adapterLabel = adapterPeaks.sort((a, b) => b[1] - a[1])[0]?.[0];
  const intakeFailures = levels.reduce((sum, level) => sum + level.failures, 0);
  return [
    {
      id: 'intake-vs-commits',
      target:
        'Intake ≥ 50% of the raw single-row commit rate at the same concurrency, p99 ≤ 50 ms, zero errors',
      figure: intake.best
        ? `${pct(intake.best.share)} of ${fmt(intake.best.rawCommitsPerSecond, 0)} commits/s ` +
          `(${fmt(intake.best.requestsPerSecond, 0)} req/s at ${intake.best.connections} connections, ` +
          `p99 ${fmt(intake.best.p99Ms, 0)} ms, ${intake.best.failures} errors)` +
          outOfReach(
            ceiling?.askedPerSecond,
            ceiling?.requestsPerSecond,
            'its cores allow at the CPU each accepted application costs (see Intake)',
          )
        : 'not measured',
      status: met(intake.met),
      detail: intake.rows,
    },
    {
      id: 'intake-errors',
      target: 'Intake error count 0',
      figure: levels.length
        ? `${intakeFailures} errors in ${levels.reduce((sum, level) => sum + level.requests, 0)} requests`
        : 'not measured',
      status: met(levels.length ? intakeFailures === 0 : null),
    },
    {
      id: 'intake-vs-baseline',
      target: 'With 200 ms legacy latency: intake ≥ 10× the baseline’s requests/s',
      figure: results.baseline
        ? `${fmt(results.baseline.ratio.median, 1)}× (${fmt(results.baseline.gateway.requestsPerSecond.median, 0)} vs ` +
          `${fmt(results.baseline.baseline.requestsPerSecond.median, 1)} req/s at ${results.baseline.connections} connections)`
        : 'not measured',
      status: met(results.baseline ? results.baseline.ratio.median >= 10 : null),
    },
    {
      id: 'end-to-end-vs-legacy',
      target:
        'With 200 ms legacy latency: completions ≥ 80% of what the legacy systems serve at that latency and concurrency',
      figure: e2e
        ? `${pct(e2e.throughput.shareOfLegacyCapacity)} (${fmt(e2e.throughput.completedPerSecond.median, 1)} of ` +
          `${fmt(e2e.legacyCapacity.totalPerSecond, 1)} applications/s)` +
          outOfReach(
            END_TO_END_SHARE * e2e.legacyCapacity.totalPerSecond,
            e2eCeiling,
            'the whole pipeline completes here with no legacy latency at all (see End to end)',
          )
        : 'not measured',
      status: met(e2e ? e2e.throughput.shareOfLegacyCapacity >= END_TO_END_SHARE : null),
    },
    {
      id: 'scale-out',
      target: 'Two adapter instances ≥ 1.7× one instance when legacy latency dominates',
      figure: results.scaleOut
        ? `${fmt(results.scaleOut.ratio, 2)}× (${fmt(results.scaleOut.twoInstances.median, 1)} vs ` +
          `${fmt(results.scaleOut.oneInstance.median, 1)} completed/s, adapter-${results.scaleOut.agency}, ${results.scaleOut.latencyMs} ms)`
        : 'not measured',
      status: met(results.scaleOut ? results.scaleOut.ratio >= 1.7 : null),
    },
    {
      id: 'gateway-rss',
      target: 'Gateway peak RSS ≤ 250 MB under the intake load',
      figure: gatewayRss === null ? 'not measured' : `${fmt(gatewayRss, 0)} MB`,
      status: met(gatewayRss === null ? null : gatewayRss <= 250),
    },
    {
      id: 'adapter-rss',
      target: 'Adapter peak RSS ≤ 200 MB under load',
      figure:
        adapterRss === null
          ? 'not measured'
          : `${fmt(adapterRss, 0)} MB (${adapterLabel}, the largest; peak over the run, whose heaviest adapter load is end to end at 0 ms)`,
      status: met(adapterRss === null ? null : adapterRss <= 200),
    },
  ];
}

function fmt(value, digits = 1) {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : value.toFixed(digits);
}

function pct(share) {
  return share === null || share === undefined || !Number.isFinite(share)
    ? '–'
    : `${(share * 100).toFixed(0)}%`;
}

module.exports = {
  END_TO_END_SHARE,
  evaluateTargets,
  intakeCeiling,
  endToEndCeiling,
  fmt,
  pct,
};
