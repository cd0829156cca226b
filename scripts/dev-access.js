// Development credentials for `npm start`: an administrator key kept in .local/ (created once,
// never committed), and a fresh key for a demo front-end client granted every service.
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const ADMIN_KEY_FILE = path.join(ROOT, '.local', 'dev-admin-key');
const DEMO_CLIENT = 'demo-frontend';

/** GATEWAY_ADMIN_KEY from the environment, else the one kept in .local/. */
function devAdminKey() {
  if (process.env.GATEWAY_ADMIN_KEY) return process.env.GATEWAY_ADMIN_KEY;
  if (fs.existsSync(ADMIN_KEY_FILE)) return fs.readFileSync(ADMIN_KEY_FILE, 'utf8').trim();
  const key = `mpp_dev-admin-${crypto.randomBytes(24).toString('base64url')}`;
  fs.mkdirSync(path.dirname(ADMIN_KEY_FILE), { recursive: true });
  fs.writeFileSync(ADMIN_KEY_FILE, `${key}\n`, { mode: 0o600 });
  return key;
}

/** Creates the demo client on first use and returns a new key for it. */
async function demoClientKey(gatewayUrl, adminKey) {
  const call = (method, route, body) =>
    fetch(`${gatewayUrl}${route}`, {
      method,
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: body && JSON.stringify(body),
    });
  const created = await call('POST', '/v1/admin/clients', {
    id: DEMO_CLIENT,
    name: 'Demo front-end (npm start)',
    roles: ['client'],
    grants: ['*'],
  });
  if (created.status === 201) return (await created.json()).apiKey;
  if (created.status !== 409)
    throw new Error(`creating the demo client answered ${created.status}`);
  const issued = await call('POST', `/v1/admin/clients/${DEMO_CLIENT}/keys`);
  if (issued.status !== 201) throw new Error(`issuing a demo key answered ${issued.status}`);
  return (await issued.json()).apiKey;
}

module.exports = { devAdminKey, demoClientKey, DEMO_CLIENT };
