// What the benchmark does through the gateway's API: get a client key, wait for the catalog,
// submit applications.

/**
 * The front-end clients of the benchmark, a hall of kiosks: `count` clients created by the
 * administrator whose key the gateway took from GATEWAY_ADMIN_KEY, each with its own key and the
 * gateway's default rate limit. Returns the headers of each, which requests take in turn. A
 * gateway without the admin API (before access control) needs no key: one empty set of headers.
 */
async function benchClients(gatewayUrl, adminKey, count) {
  const create = async (index) => {
    const id = `bench-kiosk-${String(index + 1).padStart(3, '0')}`;
    const response = await fetch(`${gatewayUrl}/v1/admin/clients`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminKey}` },
      body: JSON.stringify({
        id,
        name: `Benchmark kiosk ${index + 1}`,
        roles: ['client'],
        grants: ['*'],
      }),
    });
    if (response.status === 404) return undefined;
    if (response.status !== 201) {
      throw new Error(`creating ${id} answered ${response.status}: ${await response.text()}`);
    }
    return { authorization: `Bearer ${(await response.json()).apiKey}` };
  };
  const first = await create(0);
  if (!first) return { headerSets: [{}], access: 'no admin API: requests sent without a key' };
  const headerSets = [first];
  for (let index = 1; index < count; index += 10) {
    const batch = Array.from({ length: Math.min(10, count - index) }, (_, offset) =>
      create(index + offset),
    );
    headerSets.push(...(await Promise.all(batch)));
  }
  return { headerSets, access: `${count} clients with keys from the admin API, taken in turn` };
}

/** True once the gateway's catalog has every service (the adapters announced them). */
async function catalogHas(gatewayUrl, headers, serviceCodes) {
  for (const code of serviceCodes) {
    const response = await fetch(`${gatewayUrl}/v1/services/${code}`, { headers }).catch(
      () => undefined,
    );
    if (!response?.ok) return false;
  }
  return true;
}

/** Submits one application; returns its id, or throws with the gateway's answer. */
async function submitApplication(gatewayUrl, headers, body) {
  const response = await fetch(`${gatewayUrl}/v1/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  if (response.status !== 202) {
    throw new Error(
      `submission answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
    );
  }
  return (await response.json()).id;
}

module.exports = { benchClients, catalogHas, submitApplication };
