// `npm run adapter:new -- <agency-code> [--name "Agency name"]`: generates apps/adapter-<agency>
// on the adapter SDK (a sample service, its DTO, a connector to a stub of the agency's system, a
// conformance test) and registers it in nest-cli.json and in `npm start` (scripts/apps.js).
const fs = require('node:fs');
const path = require('node:path');

const TEMPLATES = path.join(__dirname, 'templates', 'adapter');
const AGENCY_CODE = /^[a-z][a-z0-9-]{1,30}$/;

function parseArguments(argv) {
  const options = { root: path.resolve(__dirname, '..') };
  const positional = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--name') options.name = argv[++i];
    else if (argv[i] === '--root') options.root = path.resolve(argv[++i]);
    else positional.push(argv[i]);
  }
  options.agency = positional[0];
  return options;
}

const pascal = (code) =>
  code
    .split('-')
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');

function templateFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(prefix, entry.name);
    return entry.isDirectory() ? templateFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

function nextFreePort(apps) {
  const taken = apps.map((app) => Number(app.env.ADAPTER_PORT)).filter(Boolean);
  return Math.max(3200, ...taken) + 1;
}

function register(root, agency, port) {
  const app = `adapter-${agency}`;
  const nestCliPath = path.join(root, 'nest-cli.json');
  const nestCli = JSON.parse(fs.readFileSync(nestCliPath, 'utf8'));
  nestCli.projects[app] = {
    type: 'application',
    root: `apps/${app}`,
    entryFile: 'main',
    sourceRoot: `apps/${app}/src`,
    compilerOptions: { tsConfigPath: `apps/${app}/tsconfig.app.json` },
  };
  fs.writeFileSync(nestCliPath, `${JSON.stringify(nestCli, null, 2)}\n`);

  // The gateway starts last, after every adapter, so a new adapter goes in before it.
  const appsPath = path.join(root, 'scripts', 'apps.js');
  const source = fs.readFileSync(appsPath, 'utf8');
  const entry = [
    '  {',
    `    name: '${app}',`,
    "    color: 'white',",
    `    env: { ADAPTER_PORT: '${port}' },`,
    `    url: 'http://127.0.0.1:${port}/health',`,
    '  },',
    '',
  ].join('\n');
  const gateway = source.indexOf("  {\n    name: 'gateway',");
  if (gateway < 0) throw new Error('scripts/apps.js has no gateway entry to insert before');
  fs.writeFileSync(appsPath, source.slice(0, gateway) + entry + source.slice(gateway));
}

function generate({ root, agency, name }) {
  if (!agency || !AGENCY_CODE.test(agency)) {
    throw new Error(
      'usage: npm run adapter:new -- <agency-code> [--name "Agency name"]; the code is lowercase letters, digits and dashes',
    );
  }
  const appDir = path.join(root, 'apps', `adapter-${agency}`);
  if (fs.existsSync(appDir)) throw new Error(`apps/adapter-${agency} exists already`);
  delete require.cache[path.join(root, 'scripts', 'apps.js')];
  const { APPS } = require(path.join(root, 'scripts', 'apps.js'));
  const port = nextFreePort(APPS);
  const values = {
    __AGENCY_NAME__: name ?? `Instansi ${pascal(agency)}`,
    __AGENCY__: agency,
    __PASCAL__: pascal(agency),
    __CONST__: agency.toUpperCase().replace(/-/g, '_'),
    __PORT__: String(port),
  };
  const fill = (text) =>
    Object.entries(values).reduce((result, [key, value]) => result.split(key).join(value), text);
  const written = [];
  for (const template of templateFiles(TEMPLATES)) {
    const target = fill(template.replace(/\.tpl$/, ''));
    const destination = target.startsWith(`test${path.sep}`)
      ? path.join(root, target)
      : path.join(appDir, target);
    fs.mkdirSync(path.dirname(destination), { recursive: true });
    fs.writeFileSync(destination, fill(fs.readFileSync(path.join(TEMPLATES, template), 'utf8')));
    written.push(path.relative(root, destination));
  }
  register(root, agency, port);
  return { port, written };
}

if (require.main === module) {
  try {
    const options = parseArguments(process.argv.slice(2));
    const { port, written } = generate(options);
    console.log(`created adapter-${options.agency} (port ${port}):`);
    for (const file of written) console.log(`  ${file}`);
    console.log(
      'registered in nest-cli.json and scripts/apps.js; see docs/adapters.md for what comes next',
    );
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

module.exports = { generate };
