// Development credentials for `npm start`: an administrator key kept in .local/ (created once,
// never committed), a fresh key for a demo front-end client granted every service, and the ops
// app's key for the gateway's reports, kept in .local/ while it works.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ADMIN_KEY_FILE = path.join(ROOT, '.local', 'dev-admin-key');
const OPS_GATEWAY_KEY_FILE = path.join(ROOT, '.local', 'dev-ops-gateway-key');
const DEMO_CLIENT = 'demo-frontend';
const OPS_CLIENT = 'ops-reports';

function writeSecret(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${value}\n`, { mode: 0o600 });
}

/** GATEWAY_ADMIN_KEY from the environment, else the one kept in .local/. */
function devAdminKey() {
  if (process.env.GATEWAY_ADMIN_KEY) return process.env.GATEWAY_ADMIN_KEY;
  if (fs.existsSync(ADMIN_KEY_FILE)) return fs.readFileSync(ADMIN_KEY_FILE, 'utf8').trim();
  const key = `mpp_dev-admin-${crypto.randomBytes(24).toString('base64url')}`;
  writeSecret(ADMIN_KEY_FILE, key);
  return key;
}

/** Creates the client on first use and returns a new key for it. */
async function newClientKey(gatewayUrl, adminKey, client) {
  const call = (method, route, body) =>
    fetch(`${gatewayUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
  const created = await call('POST', '/v1/admin/clients', client);
  if (created.status === 201) return (await created.json()).apiKey;
  if (created.status !== 409) {
    throw new Error(`creating the ${client.id} client answered ${created.status}`);
  }
  const issued = await call('POST', `/v1/admin/clients/${client.id}/keys`);
  if (issued.status !== 201)
    throw new Error(`issuing a ${client.id} key answered ${issued.status}`);
  return (await issued.json()).apiKey;
}

function demoClientKey(gatewayUrl, adminKey) {
  return newClientKey(gatewayUrl, adminKey, {
    id: DEMO_CLIENT,
    name: 'Demo front-end (npm start)',
    roles: ['client'],
    grants: ['*'],
  });
}

/**
 * Makes sure .local/dev-ops-gateway-key holds a working key of a gateway client with the `ops`
 * role; the ops app reads it (OPS_GATEWAY_API_KEY_FILE) for the reports page.
 */
async function ensureOpsGatewayKey(gatewayUrl, adminKey) {
  if (fs.existsSync(OPS_GATEWAY_KEY_FILE)) {
    const kept = fs.readFileSync(OPS_GATEWAY_KEY_FILE, 'utf8').trim();
    const probe = await fetch(`${gatewayUrl}/v1/reports/overdue`, {
      headers: { authorization: `Bearer ${kept}` },
    });
    if (probe.ok) return;
  }
  const key = await newClientKey(gatewayUrl, adminKey, {
    id: OPS_CLIENT,
    name: 'Ops app, reports page (npm start)',
    roles: ['ops'],
    grants: [],
  });
  writeSecret(OPS_GATEWAY_KEY_FILE, key);
}

module.exports = {
  devAdminKey,
  demoClientKey,
  ensureOpsGatewayKey,
  DEMO_CLIENT,
  OPS_GATEWAY_KEY_FILE,
};
