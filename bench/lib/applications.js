// Following applications from submission to COMPLETED. Times come from the gateway's own
// records: `application.submitted_at` (set in the accepting transaction) and the `recorded_at`
// of its COMPLETED status change (when the gateway applied the adapter's report).
const { Client } = require('pg');
const { submitApplication } = require('./gateway-client');
const { sleep } = require('./processes');
const { submission, serviceCodeOf } = require('./samples');
const { percentile } = require('./stats');

/** The clients take turns, so none goes over the gateway's per-client rate limit. */
const clientOf = (headerSets, index) => headerSets[index % headerSets.length];

const FINAL_FAILURES = ['REJECTED', 'FAILED', 'CANCELLED', 'NEEDS_REVISION'];

/** Submits `count` applications spread over `agencies`, `parallel` at a time, as fast as accepted. */
async function submitBurst({ gatewayUrl, headerSets, agencies, count, parallel = 20, offset = 0 }) {
  const ids = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const index = next++;
        const body = submission(serviceCodeOf(index, agencies), offset + index);
        ids.push(await submitApplication(gatewayUrl, clientOf(headerSets, index), body));
      }
    }),
  );
  return ids;
}

/** Open loop: each agency gets submissions at its own steady rate for `seconds`. */
async function submitPaced({ gatewayUrl, headerSets, ratePerAgency, seconds, offset = 0 }) {
  const pending = [];
  let counter = offset;
  await Promise.all(
    Object.entries(ratePerAgency).map(async ([agency, rate]) => {
      if (!(rate > 0)) return;
      const interval = 1000 / rate;
      const start = Date.now();
      for (let index = 0; ; index++) {
        const due = start + index * interval;
        if (due - start >= seconds * 1000) break;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        const number = counter++;
        const body = submission(serviceCodeOf(index, [agency]), number);
        pending.push(submitApplication(gatewayUrl, clientOf(headerSets, number), body));
      }
    }),
  );
  return Promise.all(pending);
}

/**
 * A steady open-loop stream of one agency's applications at a rate that can be changed while
 * it runs. `stop()` resolves with the ids of everything submitted.
 */
function startStream({ gatewayUrl, headerSets, agency, rate, offset = 0 }) {
  const pending = [];
  let current = rate;
  let running = true;
  const loop = (async () => {
    let next = Date.now();
    for (let index = 0; running; index++) {
      next += 1000 / current;
      const wait = next - Date.now();
      if (wait > 0) await sleep(wait);
      const body = submission(serviceCodeOf(index, [agency]), offset + index);
      pending.push(submitApplication(gatewayUrl, clientOf(headerSets, index), body));
    }
  })();
  return {
    setRate(perSecond) {
      current = perSecond;
    },
    async stop() {
      running = false;
      await loop;
      return Promise.all(pending);
    },
  };
}

class ApplicationTracker {
  constructor(databaseUrl) {
    this.db = new Client({ connectionString: databaseUrl });
  }

  connect() {
    return this.db.connect();
  }

  close() {
    return this.db.end();
  }

  /** Resolves once every application is COMPLETED; throws if one ends otherwise or time runs out. */
  async waitUntilCompleted(ids, timeoutMs) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.db.query(
        `SELECT status, count(*)::int AS count FROM gateway.application WHERE id = ANY($1::uuid[]) GROUP BY status`,
        [ids],
      );
      const counts = Object.fromEntries(rows.map((row) => [row.status, row.count]));
      if ((counts.COMPLETED ?? 0) === ids.length) return;
      const failed = FINAL_FAILURES.filter((status) => counts[status]);
      if (failed.length > 0) {
        throw new Error(`applications ended otherwise than COMPLETED: ${JSON.stringify(counts)}`);
      }
      if (Date.now() > deadline) {
        throw new Error(`not all COMPLETED within ${timeoutMs / 1000}s: ${JSON.stringify(counts)}`);
      }
      await sleep(200);
    }
  }

  /** How the gateway judged the status events of these applications (APPLIED, DUPLICATE, ...). */
  async receiptOutcomes(ids) {
    const { rows } = await this.db.query(
      `SELECT outcome, count(*)::int AS count FROM gateway.status_event_receipt
        WHERE application_id = ANY($1::uuid[]) GROUP BY outcome`,
      [ids],
    );
    return Object.fromEntries(rows.map((row) => [row.outcome, row.count]));
  }

  /** COMPLETED statuses the gateway recorded in [from, to) for an agency's applications. */
  async completedBetween(agency, from, to) {
    const { rows } = await this.db.query(
      `SELECT count(*)::int AS count
         FROM gateway.application_status_change c
         JOIN gateway.application a ON a.id = c.application_id
        WHERE a.agency = $1 AND c.status = 'COMPLETED' AND c.recorded_at >= $2 AND c.recorded_at < $3`,
      [agency, new Date(from), new Date(to)],
    );
    return rows[0].count;
  }

  /** Submission time and the times each status was recorded, per application, in ms since epoch. */
  async timelines(ids) {
    const { rows } = await this.db.query(
      `SELECT a.id, a.agency, a.submitted_at, c.status, c.recorded_at
         FROM gateway.application a
         JOIN gateway.application_status_change c ON c.application_id = a.id
        WHERE a.id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map();
    for (const row of rows) {
      const entry = byId.get(row.id) ?? {
        id: row.id,
        agency: row.agency,
        submittedAt: row.submitted_at.getTime(),
        statuses: {},
      };
      entry.statuses[row.status] = row.recorded_at.getTime();
      byId.set(row.id, entry);
    }
    return [...byId.values()];
  }
}

/**
 * Completions per second while the agency was busy: the least-squares slope of the completion
 * count over time between the 10th and 90th percentile completion, so neither the ramp-up nor
 * the tail of a burst counts, and completions recorded in bunches do not skew it.
 */
function steadyRate(times) {
  const sorted = times.filter((time) => Number.isFinite(time)).sort((a, b) => a - b);
  if (sorted.length < 5) return null;
  const low = Math.floor(sorted.length * 0.1);
  const high = Math.ceil(sorted.length * 0.9) - 1;
  const points = sorted.slice(low, high + 1).map((time, index) => [time / 1000, index]);
  const meanT = points.reduce((sum, [t]) => sum + t, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [t, y] of points) {
    covariance += (t - meanT) * (y - meanY);
    variance += (t - meanT) ** 2;
  }
  return variance > 0 ? covariance / variance : null;
}

/** Throughput figures of one burst, per agency and together. */
function burstFigures(timelines, agencies) {
  const perAgency = {};
  for (const agency of agencies) {
    const mine = timelines.filter((entry) => entry.agency === agency);
    perAgency[agency] = {
      completedPerSecond: steadyRate(mine.map((entry) => entry.statuses.COMPLETED)),
      deliveredPerSecond: steadyRate(mine.map((entry) => entry.statuses.DELIVERED)),
    };
  }
  const first = Math.min(...timelines.map((entry) => entry.submittedAt));
  const last = Math.max(...timelines.map((entry) => entry.statuses.COMPLETED));
  return {
    perAgency,
    completedPerSecond: Object.values(perAgency).reduce(
      (sum, figures) => sum + (figures.completedPerSecond ?? 0),
      0,
    ),
    makespanSeconds: (last - first) / 1000,
    applications: timelines.length,
  };
}

/** Submit-to-COMPLETED latency percentiles in ms, together and per agency. */
function latencyFigures(timelines, agencies) {
  const latencies = (entries) =>
    entries.map((entry) => entry.statuses.COMPLETED - entry.submittedAt);
  const toDelivered = (entries) =>
    entries.map((entry) => entry.statuses.DELIVERED - entry.submittedAt);
  const figures = (entries) => ({
    p50: percentile(latencies(entries), 50),
    p99: percentile(latencies(entries), 99),
    toDeliveredP50: percentile(toDelivered(entries), 50),
    count: entries.length,
  });
  return {
    all: figures(timelines),
    perAgency: Object.fromEntries(
      agencies.map((agency) => [
        agency,
        figures(timelines.filter((entry) => entry.agency === agency)),
      ]),
    ),
  };
}

module.exports = {
  submitBurst,
  submitPaced,
  startStream,
  ApplicationTracker,
  burstFigures,
  latencyFigures,
};
