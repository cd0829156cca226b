// The markdown summary of one run: the machine, every target with its figure, then each
// scenario's figures (medians over the repeats, with their range).
const { END_TO_END_SHARE, endToEndCeiling, fmt, intakeCeiling, pct } = require('./targets');

const range = (figure, digits = 1) =>
  figure && figure.median !== null
    ? `${fmt(figure.median, digits)} (${fmt(figure.min, digits)}–${fmt(figure.max, digits)})`
    : '–';

function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function machineSection(results) {
  const { machine } = results;
  return [
    '## Machine',
    '',
    table(
      ['what', 'value'],
      [
        ['CPU', `${machine.cpu}, ${machine.cores} cores`],
        ['memory', `${machine.memoryGb} GB`],
        ['OS', machine.os],
        ['Node.js', machine.node],
        [
          'PostgreSQL',
          `${machine.postgres} (fsync ${machine.postgresDurability.fsync}, synchronous_commit ` +
            `${machine.postgresDurability.synchronousCommit}, wal_sync_method ${machine.postgresDurability.walSyncMethod})`,
        ],
        ['Kafka', `${machine.kafka} (one KRaft node)`],
        ['load average at start', machine.loadAverageAtStart.join(', ')],
      ],
    ),
  ].join('\n');
}

function targetsSection(results) {
  return [
    '## Targets',
    '',
    table(
      ['target', 'figure (median)', ''],
      results.targets.map((target) => [target.target, target.figure, `**${target.status}**`]),
    ),
  ].join('\n');
}

function limitsSection(results) {
  const { postgres, kafka } = results.limits;
  const levels = Object.keys(postgres.singleRowCommit);
  return [
    '## Limits',
    '',
    'PostgreSQL through `pg`, same server and durability settings as the apps, one connection per concurrent ' +
      'client, closed loop. The intake transaction is the core of the gateway’s: the application, its first ' +
      'status change and its outbox record, inserted as the gateway inserts them into copies of its tables ' +
      '(BEGIN, three INSERTs, COMMIT; the gateway’s own transaction may write more, such as an audit record). ' +
      '“One statement” puts the same three rows in one statement.',
    '',
    table(
      ['connections', 'kind', 'per second', 'p99 ms', 'PostgreSQL CPU ms each'],
      levels.flatMap((level) =>
        [
          ['single-row INSERT commit', postgres.singleRowCommit[level]],
          ['intake transaction (BEGIN, 3 INSERTs, COMMIT)', postgres.intakeTransaction[level]],
          ['intake as one statement', postgres.intakeOneStatement[level]],
        ].map(([kind, figures]) => [
          level,
          kind,
          range(figures.perSecond, 0),
          fmt(figures.p99Ms.median),
          fmt(figures.postgresCpuMsPerOperation?.median, 3),
        ]),
      ),
    ),
    '',
    `Kafka, kafkajs with the gateway publisher's settings (idempotent, acks -1, one request in flight), ` +
      `~1 KB CloudEvents on a 6-partition topic of its own:`,
    '',
    table(
      ['what', 'messages/s'],
      [
        [
          `produce, batches of ${kafka.batchSize}, gzip (as the outbox relay)`,
          range(kafka.producePerSecond.batchGzip, 0),
        ],
        [
          `produce, batches of ${kafka.batchSize}, uncompressed`,
          range(kafka.producePerSecond.batchUncompressed, 0),
        ],
        [
          'produce, one message per request, gzip (as a status report)',
          range(kafka.producePerSecond.singleMessage, 0),
        ],
        [
          'consume, new group, 3 partitions at once (as an adapter)',
          range(kafka.consumePerSecond, 0),
        ],
      ],
    ),
  ].join('\n');
}

function intakeSection(results) {
  const { levels, variants, reference } = results.intake;
  const pg = results.limits?.postgres;
  const rows = Object.entries(levels).map(([level, figures]) => [
    level,
    range(figures.requestsPerSecond, 0),
    pct(figures.requestsPerSecond.median / pg?.singleRowCommit[level]?.perSecond.median),
    pct(figures.requestsPerSecond.median / pg?.intakeTransaction[level]?.perSecond.median),
    fmt(figures.latencyMs.p50.median),
    fmt(figures.latencyMs.p99.median),
    fmt(figures.latencyMs.max.median),
    String(figures.failures),
    `${fmt(figures.cpuPercent.server.median, 0)}%`,
    `${fmt(figures.cpuPercent.postgres.median, 0)}%`,
    `${fmt(figures.cpuPercent.loadGenerator.median, 0)}%`,
    `${fmt(figures.cpuPercent.machineBusy.median, 0)}%`,
    fmt(figures.peakRssMb, 0),
    range(figures.emptyHandler.requestsPerSecond, 0),
  ]);
  const budget = Object.keys(levels).map((level) => {
    const figures = levels[level];
    const ceiling = intakeCeiling(results, level);
    return [
      level,
      fmt(figures.cpuMsPerRequest.server.median, 2),
      fmt(figures.cpuMsPerRequest.postgres.median, 2),
      fmt(figures.cpuMsPerRequest.loadGenerator.median, 2),
      fmt(ceiling.cpuMsEach, 2),
      fmt(ceiling.requestsPerSecond, 0),
      fmt(ceiling.askedPerSecond, 0),
      fmt(ceiling.coresAsked, 1),
    ];
  });
  const profile = results.intake.profile;
  const profileLines = profile
    ? [
        '',
        `CPU profile of the gateway during one more run at ${profile.connections} connections ` +
          `(${fmt(profile.requestsPerSecond, 0)} req/s, busy ${pct(profile.busyShare)} of the time; ` +
          'the file is in the run’s log folder). Time charged to the first npm package or app frame up the ' +
          'stack, so a socket write counts for the library that made it:',
        '',
        table(
          ['package', 'share of busy time'],
          profile.byCallingPackage
            .slice(0, 12)
            .map((entry) => [entry.name, pct(entry.shareOfBusy)]),
        ),
      ]
    : [];
  return [
    '## Intake',
    '',
    '`POST /v1/applications`, closed loop (autocannon), bodies cycling over the seven services. The gateway ' +
      'runs the API and catalog roles (`GATEWAY_ROLES=api,catalog`) on a database of its own: the outbox relay ' +
      'is measured end to end instead, so that what is accepted here is not published to the shared agency ' +
      'topics. CPU in % of one core, averaged over each run; machine busy in % of all cores (other users ' +
      'included). The last column is an empty Nest/Express handler (`POST /v1/noop` of apps/bench-baseline) ' +
      'under the same load: what HTTP alone serves on this machine.',
    '',
    table(
      [
        'connections',
        'req/s',
        'of raw commits',
        'of intake tx',
        'p50 ms',
        'p99 ms',
        'max ms',
        'errors',
        'gateway CPU',
        'PostgreSQL CPU',
        'load generator CPU',
        'machine busy',
        'gateway RSS MB',
        'empty handler req/s',
      ],
      rows,
    ),
    '',
    'CPU per accepted application, in ms of one core (CPU ÷ requests/s), and what that allows on this machine ' +
      'if nothing else ran, beside what the intake target asks:',
    '',
    table(
      [
        'connections',
        'gateway',
        'PostgreSQL',
        'load generator',
        'together',
        'ceiling: all cores ÷ together, req/s',
        'target: ½ raw commits, req/s',
        'cores that target needs',
      ],
      budget,
    ),
    ...profileLines,
    '',
    `One change at a time, each on a gateway of its own, runs alternating with the bench’s configuration ` +
      `(${fmt(reference.requestsPerSecond.median, 0)} req/s, p99 ${fmt(reference.latencyMs.p99.median, 0)} ms, ` +
      `${fmt(reference.peakRssMb, 0)} MB at ${variants[0]?.connections ?? '–'} connections):`,
    '',
    table(
      [
        'change',
        'req/s',
        '÷ bench configuration',
        'p99 ms',
        'gateway CPU',
        'peak RSS MB',
        'errors',
      ],
      variants.map((variant) => [
        variant.name,
        range(variant.requestsPerSecond, 0),
        `${fmt(variant.requestsPerSecondRatio, 2)}×`,
        fmt(variant.latencyMs.p99.median, 0),
        `${fmt(variant.cpuPercent.server.median, 0)}%`,
        fmt(variant.peakRssMb, 0),
        String(variant.failures),
      ]),
    ),
  ].join('\n');
}

function baselineSection(results) {
  const b = results.baseline;
  return [
    '## Baseline beside the gateway',
    '',
    `Legacy latency ${b.latencyMs} ms, ${b.connections} connections, ${b.durationSeconds} s per run, ` +
      'the same civil-registry submissions to both, runs alternating. The baseline answers once the registry ' +
      'has; the gateway once the application is committed. Requests/s is the median of the per-second answer ' +
      'counts, so the seconds before the baseline’s first answers do not count against it.',
    '',
    table(
      ['', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'errors'],
      [
        ['request-reply baseline (apps/bench-baseline)', b.baseline],
        ['gateway', b.gateway],
      ].map(([name, figures]) => [
        name,
        range(figures.requestsPerSecond, 1),
        fmt(figures.latencyMs.p50.median, 0),
        fmt(figures.latencyMs.p99.median, 0),
        fmt(figures.latencyMs.max.median, 0),
        String(figures.failures),
      ]),
    ),
    '',
    `Gateway ÷ baseline: ${range(b.ratio, 1)}×.`,
  ].join('\n');
}

/** The 200 ms figures beside what the pipeline completes with no legacy latency at all. */
function pipelineCeilingLines(results) {
  const ceiling = endToEndCeiling(results);
  const idle = results.endToEnd['0'];
  const slow = results.endToEnd['200'];
  if (!ceiling || !slow) return [];
  const asked = END_TO_END_SHARE * slow.legacyCapacity.totalPerSecond;
  const reached = slow.throughput.completedPerSecond.median;
  return [
    `**The pipeline’s own ceiling.** With no legacy latency the whole pipeline completes ` +
      `${fmt(ceiling)} applications/s on this machine, ${fmt(idle.throughput.cpuPercent?.machineBusy, 0)}% ` +
      `busy: what its ${results.machine.cores} cores allow for intake, relay, adapters, status handling, ` +
      'PostgreSQL and Kafka together, whatever the legacy systems do. The 200 ms target asks ' +
      `${fmt(asked)}/s (${pct(END_TO_END_SHARE)} of ${fmt(slow.legacyCapacity.totalPerSecond)}), ${fmt(asked / ceiling, 2)}× ` +
      `that ceiling; the 200 ms bursts complete ${fmt(reached)}/s, ${pct(reached / ceiling)} of it.`,
    '',
  ];
}

function endToEndSection(results) {
  const parts = ['## End to end', ''];
  parts.push(
    'Bursts of applications spread evenly over disdukcapil (SOAP, polled), dpmptsp (REST, polled) and ' +
      'bpbatam (callbacks). Throughput per agency is the slope of its completions over time between its 10th ' +
      'and 90th percentile completion; “all” adds the agencies up. Delivered/s is the same for DELIVERED (the ' +
      'legacy system took the submission). Latency is submit→COMPLETED from the gateway’s timestamps, in ' +
      'separate paced runs offering half of each agency’s burst throughput. Legacy capacity = submissions the ' +
      'adapter may have in flight (ADAPTER_LEGACY_CONCURRENCY) ÷ (latency + the simulator’s service time), ' +
      '“measured” by calling the simulator directly with as many connections.',
    '',
  );
  for (const [latency, e2e] of Object.entries(results.endToEnd)) {
    const notApplied = Object.entries(e2e.statusEvents ?? {}).filter(
      ([outcome]) => outcome !== 'APPLIED',
    );
    parts.push(
      `### Legacy latency ${latency} ms (processing ${e2e.processingMs} ms, ${e2e.throughput.burstApplications} applications per burst)`,
      '',
      table(
        [
          'agency',
          'completed/s',
          'delivered/s',
          'legacy capacity/s',
          'measured',
          'completed ÷ capacity',
          'submit→delivered p50 ms',
          'submit→completed p50 ms',
          'p99 ms',
        ],
        [
          ...Object.entries(e2e.throughput.perAgency).map(([agency, figures]) => [
            agency,
            range(figures.completedPerSecond),
            range(figures.deliveredPerSecond),
            fmt(e2e.legacyCapacity.perAgency[agency].computedPerSecond),
            fmt(e2e.legacyCapacity.perAgency[agency].measuredPerSecond),
            pct(figures.shareOfLegacyCapacity),
            fmt(e2e.latency.perAgency[agency].toDeliveredP50Ms?.median, 0),
            fmt(e2e.latency.perAgency[agency].p50Ms.median, 0),
            fmt(e2e.latency.perAgency[agency].p99Ms.median, 0),
          ]),
          [
            '**all**',
            range(e2e.throughput.completedPerSecond),
            '',
            fmt(e2e.legacyCapacity.totalPerSecond),
            '',
            pct(e2e.throughput.shareOfLegacyCapacity),
            fmt(e2e.latency.toDeliveredP50Ms?.median, 0),
            fmt(e2e.latency.p50Ms.median, 0),
            fmt(e2e.latency.p99Ms.median, 0),
          ],
        ],
      ),
      '',
      `CPU while the bursts ran, % of one core: ${Object.entries(e2e.throughput.cpuPercent ?? {})
        .filter(([label]) => label !== 'machineBusy' && label !== 'bench')
        .map(([label, value]) => `${label} ${fmt(value, 0)}`)
        .join(
          ', ',
        )}; machine ${fmt(e2e.throughput.cpuPercent?.machineBusy, 0)}% busy (all cores, other users included).`,
      '',
      notApplied.length
        ? `Status events not applied: ${notApplied.map(([outcome, count]) => `${count} ${outcome}`).join(', ')}: ` +
            'the same status reported twice, i.e. another adapter handled these applications too; the ' +
            'figures of this section are suspect.'
        : 'Every status event was applied once.',
      otherConsumersLine(e2e.otherConsumers),
      '',
    );
  }
  parts.push(...pipelineCeilingLines(results));
  return parts.join('\n');
}

function scaleOutSection(results) {
  const s = results.scaleOut;
  const notApplied = Object.entries(s.statusEvents ?? {}).filter(
    ([outcome]) => outcome !== 'APPLIED',
  );
  return [
    '## Scale-out',
    '',
    `adapter-${s.agency}, legacy latency ${s.latencyMs} ms, ${s.partitions} partitions, ` +
      `ADAPTER_LEGACY_CONCURRENCY ${s.legacyConcurrencyPerInstance} per instance, one consumer group. ` +
      `A steady stream offers ${fmt(s.offeredPerSecond.oneInstance)}/s, then ${fmt(s.offeredPerSecond.twoInstances)}/s ` +
      `once the second instance has joined (more than the instances can take, so every partition keeps a backlog); ` +
      `completions counted in ${s.windowSeconds} s windows.`,
    '',
    table(
      ['instances', 'completed/s', 'legacy capacity/s'],
      [
        ['1', range(s.oneInstance), fmt(s.legacyCapacityPerSecond.oneInstance)],
        ['2', range(s.twoInstances), fmt(s.legacyCapacityPerSecond.twoInstances)],
      ],
    ),
    '',
    `Two ÷ one: ${fmt(s.ratio, 2)}×. ` +
      (notApplied.length
        ? `Status events not applied: ${notApplied.map(([outcome, count]) => `${count} ${outcome}`).join(', ')}.`
        : 'Every status event was applied once.'),
    otherConsumersLine(s.otherConsumers),
  ].join('\n');
}

function otherConsumersLine(consumers) {
  if (!consumers?.length) return 'No other consumer group was reading the agency topics.';
  return (
    'Other consumer groups reading the agency topics meanwhile: ' +
    consumers.map((entry) => `\`${entry.groupId}\` (${entry.topics.join(', ')})`).join(', ') +
    '.'
  );
}

function memorySection(results) {
  return [
    '## Peak RSS over the run',
    '',
    table(
      ['process', 'MB'],
      Object.entries(results.peakRssMbWholeRun ?? {}).map(([label, mb]) => [label, fmt(mb, 0)]),
    ),
  ].join('\n');
}

function renderReport(results) {
  const sections = [
    `# Benchmark results`,
    '',
    `Run of ${results.date} (\`npm run bench\`, ${results.durationSeconds} s${results.settings.quick ? ', quick smoke settings' : ''}). ` +
      `Every figure is the median of ${results.settings.repeats} runs, with the range in brackets. ` +
      'How to read this: bench/README.md. Raw figures: bench/results/.',
    '',
    machineSection(results),
    '',
    targetsSection(results),
    '',
  ];
  if (results.limits) sections.push(limitsSection(results), '');
  if (results.intake) sections.push(intakeSection(results), '');
  if (results.baseline) sections.push(baselineSection(results), '');
  if (results.endToEnd) sections.push(endToEndSection(results));
  if (results.scaleOut) sections.push(scaleOutSection(results), '');
  if (results.peakRssMbWholeRun) sections.push(memorySection(results), '');
  sections.push(
    '## Phases',
    '',
    table(
      ['phase', 'seconds'],
      Object.entries(results.phaseSeconds).map(([name, seconds]) => [name, String(seconds)]),
    ),
    '',
  );
  return sections.join('\n');
}

module.exports = { renderReport };
