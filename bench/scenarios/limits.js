// The floor under everything: what PostgreSQL and Kafka do on their own on this machine, with
// the durability settings the apps use, measured in the same run as everything else.
const { randomUUID } = require('node:crypto');
const { Pool } = require('pg');
const { CompressionTypes } = require('kafkajs');
const { kafkaClient } = require('../lib/infra');
const { submission } = require('../lib/samples');
const { percentile, summary } = require('../lib/stats');

const SCHEMA = 'bench_limits';

/** Closed loop: `connections` clients each run `work(client)` back to back for `seconds`. */
async function closedLoop(pool, connections, seconds, work) {
  const clients = await Promise.all(Array.from({ length: connections }, () => pool.connect()));
  const latencies = [];
  const deadline = Date.now() + seconds * 1000;
  const started = process.hrtime.bigint();
  try {
    await Promise.all(
      clients.map(async (client) => {
        while (Date.now() < deadline) {
          const begin = process.hrtime.bigint();
          await work(client);
          latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
        }
      }),
    );
  } finally {
    for (const client of clients) client.release();
  }
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return {
    perSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

/** A payload the size of an application as the gateway stores it. */
function applicationPayload(index) {
  return submission('dpmptsp.nib', index);
}

async function prepareTables(pool) {
  await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await pool.query(`CREATE SCHEMA ${SCHEMA}`);
  await pool.query(
    `CREATE TABLE ${SCHEMA}.commit_probe (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       payload jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  // The intake tables exactly as the gateway's migrations made them (indexes included).
  for (const table of ['application', 'application_status_change', 'outbox']) {
    await pool.query(`CREATE TABLE ${SCHEMA}.${table} (LIKE gateway.${table} INCLUDING ALL)`);
  }
}

/** One single-row INSERT, committed on its own (autocommit). */
function singleRowCommit(client) {
  return client.query(`INSERT INTO ${SCHEMA}.commit_probe (payload) VALUES ($1)`, [
    applicationPayload(1),
  ]);
}

/** The application row's values ($1-$11), as the gateway's intake inserts them. */
function applicationRow(id, body, now) {
  return [
    id,
    randomUUID(),
    body.serviceCode,
    'dpmptsp',
    'bench-client',
    body.applicant,
    body.data,
    '[]',
    'SUBMITTED',
    randomUUID(),
    now,
  ];
}

/**
 * The core of the gateway's intake transaction: the application, its first status change and its
 * outbox record, inserted as the gateway inserts them, in one transaction.
 */
async function intakeTransaction(client) {
  const id = randomUUID();
  const now = new Date();
  const body = applicationPayload(2);
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO ${SCHEMA}.application (id, tracking_number, service_code, agency, client_id, applicant, data,
         documents, status, correlation_id, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
      applicationRow(id, body, now),
    );
    await client.query(
      `INSERT INTO ${SCHEMA}.application_status_change (application_id, status, source, occurred_at, recorded_at)
       VALUES ($1, $2, 'gateway', $3, $3)`,
      [id, 'SUBMITTED', now],
    );
    await client.query(
      `INSERT INTO ${SCHEMA}.outbox (application_id, topic, event_id, event_type, payload, correlation_id,
         traceparent, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        id,
        'mpp.dpmptsp.applications',
        randomUUID(),
        'id.go.batam.mpp.application.submitted.v1',
        { applicationId: id, ...body },
        randomUUID(),
        null,
        now,
      ],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/**
 * The same three rows in one statement (data-modifying CTEs), committed on its own: one round
 * trip instead of five. Not what the gateway does; what combining its statements would give.
 */
function intakeOneStatement(client) {
  const id = randomUUID();
  const now = new Date();
  const body = applicationPayload(3);
  return client.query(
    `WITH a AS (
       INSERT INTO ${SCHEMA}.application (id, tracking_number, service_code, agency, client_id, applicant, data,
         documents, status, correlation_id, submitted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id),
     s AS (
       INSERT INTO ${SCHEMA}.application_status_change (application_id, status, source, occurred_at, recorded_at)
       SELECT id, $9, 'gateway', $11, $11 FROM a)
     INSERT INTO ${SCHEMA}.outbox (application_id, topic, event_id, event_type, payload, correlation_id, traceparent, created_at)
     SELECT id, $12, $13, $14, $15, $10, NULL, $11 FROM a`,
    [
      ...applicationRow(id, body, now),
      'mpp.dpmptsp.applications',
      randomUUID(),
      'id.go.batam.mpp.application.submitted.v1',
      { applicationId: id, ...body },
    ],
  );
}

async function postgresLimits({ databaseUrl, concurrencyLevels, seconds, repeats, monitor, log }) {
  const pool = new Pool({ connectionString: databaseUrl, max: Math.max(...concurrencyLevels) });
  const kinds = { singleRowCommit, intakeTransaction, intakeOneStatement };
  const results = Object.fromEntries(Object.keys(kinds).map((name) => [name, {}]));
  try {
    await prepareTables(pool);
    await closedLoop(pool, 4, 0.5, singleRowCommit); // warm-up
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const connections of concurrencyLevels) {
        for (const [name, work] of Object.entries(kinds)) {
          const window = monitor.window();
          const run = await closedLoop(pool, connections, seconds, work);
          const resources = window.end();
          // PostgreSQL's CPU per operation, in ms of one core: what one commit costs the server.
          run.postgresCpuMsPerOperation =
            ((resources.others.postgres?.cpuPercent ?? NaN) / 100 / run.perSecond) * 1000;
          (results[name][connections] ??= []).push(run);
          log(
            `  ${name} @${connections}: ${run.perSecond.toFixed(0)}/s p99 ${run.p99Ms.toFixed(1)} ms`,
          );
        }
      }
    }
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  } finally {
    await pool.end();
  }
  const summarise = (runsByLevel) =>
    Object.fromEntries(
      Object.entries(runsByLevel).map(([level, runs]) => [
        level,
        {
          perSecond: summary(runs.map((run) => run.perSecond)),
          p99Ms: summary(runs.map((run) => run.p99Ms)),
          postgresCpuMsPerOperation: summary(runs.map((run) => run.postgresCpuMsPerOperation)),
        },
      ]),
    );
  return Object.fromEntries(Object.entries(results).map(([name, runs]) => [name, summarise(runs)]));
}

function cloudEventMessage(index) {
  const id = randomUUID();
  return {
    key: id,
    value: JSON.stringify({
      applicationId: id,
      trackingNumber: 'K7QM2XHD9RW',
      ...applicationPayload(index),
    }),
    headers: {
      ce_id: randomUUID(),
      ce_source: '/mpp/gateway',
      ce_type: 'id.go.batam.mpp.application.submitted.v1',
      ce_specversion: '1.0',
      ce_time: new Date().toISOString(),
      ce_subject: id,
      ce_correlationid: randomUUID(),
      'content-type': 'application/json',
    },
  };
}

/**
 * kafkajs with the gateway publisher's producer settings (idempotent, one request in flight,
 * acks from all replicas): batches as the outbox relay sends them, with and without its gzip,
 * and single messages one after another. Then a consumer group reading it all back.
 */
async function kafkaLimits({ brokers, topic, groupPrefix, seconds, batchSize, repeats, log }) {
  const kafka = kafkaClient(brokers, 'bench-limits');
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: 6, replicationFactor: -1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  const variants = {
    batchGzip: { batch: batchSize, compression: CompressionTypes.GZIP },
    batchUncompressed: { batch: batchSize, compression: CompressionTypes.None },
    singleMessage: { batch: 1, compression: CompressionTypes.GZIP },
  };
  const produced = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  let total = 0;
  try {
    for (let repeat = 0; repeat < repeats; repeat++) {
      for (const [name, { batch, compression }] of Object.entries(variants)) {
        let count = 0;
        const deadline = Date.now() + seconds * 1000;
        const started = process.hrtime.bigint();
        while (Date.now() < deadline) {
          const messages = Array.from({ length: batch }, (_, index) =>
            cloudEventMessage(count + index),
          );
          await producer.sendBatch({ topicMessages: [{ topic, messages }], acks: -1, compression });
          count += batch;
        }
        const perSecond = count / (Number(process.hrtime.bigint() - started) / 1e9);
        produced[name].push(perSecond);
        total += count;
        log(`  produce ${name}: ${perSecond.toFixed(0)} messages/s`);
      }
    }
  } finally {
    await producer.disconnect();
  }
  const consumed = [];
  for (let repeat = 0; repeat < repeats; repeat++) {
    const perSecond = await consumeAll(
      kafka,
      topic,
      `${groupPrefix}-${repeat}`,
      total,
      seconds + 3,
    );
    consumed.push(perSecond);
    log(`  consume: ${perSecond.toFixed(0)} messages/s`);
  }
  return {
    producePerSecond: Object.fromEntries(
      Object.entries(produced).map(([name, runs]) => [name, summary(runs)]),
    ),
    consumePerSecond: summary(consumed),
    batchSize,
    messagesOnTopic: total,
  };
}

/** Messages/s of a new group reading the topic from the start, as adapters consume (3 partitions at once). */
async function consumeAll(kafka, topic, groupId, expected, maxSeconds) {
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let count = 0;
  let first;
  let last;
  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  await consumer.run({
    partitionsConsumedConcurrently: 3,
    eachMessage: async () => {
      const now = process.hrtime.bigint();
      first ??= now;
      last = now;
      count += 1;
      if (count >= expected) settle();
    },
  });
  const timer = setTimeout(settle, maxSeconds * 1000);
  await done;
  clearTimeout(timer);
  await consumer.disconnect();
  const seconds = first && last > first ? Number(last - first) / 1e9 : Infinity;
  return count / seconds;
}

module.exports = { postgresLimits, kafkaLimits };
