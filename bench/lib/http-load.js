// HTTP load with autocannon: a fixed number of connections, each sending its next request as
// soon as the previous answer arrived (closed loop), for a fixed time.
const autocannon = require('autocannon');

/**
 * Runs one load. `nextBody()` gives each request's JSON body (or `rawBody` one fixed body). Returns requests/s, latency
 * percentiles in ms and every kind of failure (socket errors, timeouts, non-2xx answers).
 */
async function runLoad({
  url,
  connections,
  durationSeconds,
  headers = {},
  headerSets,
  nextBody,
  rawBody,
  method = 'POST',
  timeoutSeconds = 10,
}) {
  const result = await autocannon({
    url,
    connections,
    duration: durationSeconds,
    timeout: timeoutSeconds,
    method,
    headers: nextBody ? { 'content-type': 'application/json', ...headers } : headers,
    body: rawBody,
    requests: nextBody ? [{ setupRequest: nextRequest(nextBody, headerSets) }] : undefined,
  });
  const answered = result['1xx'] + result['2xx'] + result['3xx'] + result['4xx'] + result['5xx'];
  return {
    connections,
    durationSeconds: result.duration,
    requests: answered,
    requestsPerSecond: result['2xx'] / result.duration,
    /** The median of the per-second answer counts: leaves out the seconds before the first answers. */
    steadyRequestsPerSecond: result.requests.p50,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.average,
    },
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    failures: result.non2xx + result.errors + result.timeouts,
    statusCodes: result.statusCodeStats,
  };
}

/** Each request: the next body, and the next client's headers when there are several clients. */
function nextRequest(nextBody, headerSets) {
  let count = 0;
  return (request) => {
    const own = headerSets ? headerSets[count++ % headerSets.length] : {};
    return {
      ...request,
      headers: { ...request.headers, ...own },
      body: JSON.stringify(nextBody()),
    };
  };
}

module.exports = { runLoad };
