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
    env: { GATEWAY_PORT: '3000' },
    url: 'http://127.0.0.1:3000/health',
  },
  {
    name: 'ops',
    color: 'gray',
    env: { OPS_PORT: '3300' },
    url: 'http://127.0.0.1:3300/health',
  },
];

module.exports = { APPS };
