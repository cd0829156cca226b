// The deployables `npm start` runs together, in start order, with their development defaults.
const APPS = [
  {
    name: 'legacy-sim',
    color: 'magenta',
    env: { LEGACY_SIM_PORT: '3100' },
    url: 'http://127.0.0.1:3100/health',
  },
  {
    name: 'adapter-disdukcapil',
    color: 'yellow',
    env: { ADAPTER_PORT: '3201' },
    url: 'http://127.0.0.1:3201/health',
  },
  {
    name: 'adapter-dpmptsp',
    color: 'green',
    env: { ADAPTER_PORT: '3202' },
    url: 'http://127.0.0.1:3202/health',
  },
  {
    name: 'adapter-bpbatam',
    color: 'blue',
    env: { ADAPTER_PORT: '3203' },
    url: 'http://127.0.0.1:3203/health',
  },
  {
    name: 'gateway',
    color: 'cyan',
    // Seeding (`npm run seed`) is for development only.
    env: { GATEWAY_PORT: '3000', GATEWAY_SEEDING_ENABLED: 'true' },
    url: 'http://127.0.0.1:3000/health',
  },
  {
    name: 'ops',
    color: 'gray',
    env: {
      OPS_PORT: '3300',
      OPS_GATEWAY_URL: 'http://127.0.0.1:3000',
      // Written by `npm start` once the gateway is up (scripts/dev-access.js).
      OPS_GATEWAY_API_KEY_FILE: '.local/dev-ops-gateway-key',
    },
    url: 'http://127.0.0.1:3300/health',
  },
];

module.exports = { APPS };
