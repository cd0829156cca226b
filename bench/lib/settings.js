// Everything a run is made of, in one place. BENCH_QUICK=true shrinks it to a smoke run.
const quick = process.env.BENCH_QUICK === 'true';

/** V8 keeps growing the heap while memory is free; this cap is what the bench deploys with. */
const HEAP_CAP = '--max-old-space-size=128';

const SETTINGS = {
  quick,
  /** End to end: the gateway and the adapters. */
  databaseUrl: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mpp_bench',
  /** Intake: the gateways under HTTP load, and the raw PostgreSQL limits beside them. */
  intakeDatabaseUrl:
    process.env.BENCH_INTAKE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/mpp_bench_intake',
  ports: {
    gateway: 3400,
    intakeGateway: 3401,
    /** One more per intake variant. */
    firstVariant: 3402,
    legacySim: 3410,
    adapters: { disdukcapil: 3421, dpmptsp: 3422, bpbatam: 3423 },
    secondInstance: 3424,
    baseline: 3430,
  },
  /**
   * Front-end clients (kiosks), each with its own key, taken in turn: with the gateway's default
   * per-client rate limit (1200/min) they can send 2000 requests/s together.
   */
  clients: 100,
  /** Every figure is the median of this many runs. */
  repeats: quick ? 1 : 3,
  /** HTTP connections of the intake load; the raw commit rate is measured at the same. */
  intakeConcurrency: quick ? [10] : [10, 25, 50],
  intakeSeconds: quick ? 2 : 3,
  warmUpSeconds: quick ? 2 : 3,
  noopSeconds: quick ? 1 : 1.5,
  /** One change at a time from the bench's gateway configuration, each its own gateway. */
  intakeVariants: [
    { name: 'no V8 heap cap', env: { NODE_OPTIONS: '' } },
    { name: 'LOG_LEVEL=warn', env: { LOG_LEVEL: 'warn' } },
  ],
  variantConcurrency: 25,
  /** The concurrency at which the baseline and the gateway are compared. */
  baselineConcurrency: 25,
  /** Long enough for the baseline's many-second answers to reach a steady rate. */
  baselineSeconds: quick ? 4 : 8,
  limits: { pgSeconds: quick ? 0.5 : 0.7, kafkaSeconds: 1, kafkaBatch: 200 },
  /** Legacy processing time: small, so the latency knob dominates end to end. */
  legacyProcessingMs: 50,
  legacyLatenciesMs: [0, 200],
  endToEnd: {
    /** Applications per agency in one burst, by legacy latency. */
    burstPerAgency: quick ? { 0: 30, 200: 20 } : { 0: 60, 200: 45 },
    /** The paced run offers this share of each agency's measured burst throughput. */
    pacedShare: 0.5,
    pacedSeconds: quick ? 3 : 6,
    completionTimeoutMs: 120000,
  },
  scaleOut: {
    agency: 'bpbatam',
    /**
     * Long enough that the legacy call dominates each application's handling; at 200 ms the
     * CPU of the whole pipeline at two instances' rate (~26/s) is already the limit on two cores.
     */
    latencyMs: 500,
    /** Offered load, as a multiple of the legacy capacity of the instances running. */
    overload: 1.4,
    rampSeconds: 4,
    /** After the second instance joins: the rebalance, then the backlog spreading over its partitions. */
    joinRampSeconds: quick ? 6 : 12,
    windowSeconds: quick ? 3 : 6,
  },
  /** A CPU profile of the intake gateway during one extra run (BENCH_PROFILE=false: none). */
  profileIntake: process.env.BENCH_PROFILE !== 'false',
  /** The same for every instance of every app: the bench's deployment configuration. */
  nodeOptions: HEAP_CAP,
  adapter: { legacyConcurrency: 3, statusPollIntervalMs: 500 },
  logLevel: process.env.LOG_LEVEL ?? 'info',
};

module.exports = { SETTINGS };
