import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, testKafka, waitFor } from '@mpp/adapter-sdk/testing';
import { startGateway, type RunningGateway } from './support/gateway-harness';
import { withdrawService } from './support/registry';

const ROOT = path.resolve(__dirname, '..');
const AGENCY = 'scaffold-check';
const SERVICE = `${AGENCY}.contoh-layanan`;
const COPIED = [
  'package.json',
  'nest-cli.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'jest.config.js',
  '.swcrc',
  'libs',
  'scripts',
  'infra/kafka/pom.xml',
  'test/support',
];

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: process.env });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * `npm run adapter:new` in a copy of the repository: the generated adapter builds, passes its
 * own conformance test, and once started against a running gateway its service is in the
 * catalog and takes applications.
 */
describe('adapter scaffold', () => {
  let workspace: string;
  let gateway: RunningGateway;
  let adapter: ChildProcess | undefined;

  beforeAll(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'mpp-scaffold-'));
    for (const entry of COPIED) {
      cpSync(path.join(ROOT, entry), path.join(workspace, entry), {
        recursive: true,
        filter: (source) => !source.includes(`${path.sep}.local`),
      });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  });

  afterAll(async () => {
    adapter?.kill('SIGTERM');
    await gateway?.close();
    await withdrawService(testKafka(), SERVICE);
    rmSync(workspace, { recursive: true, force: true });
  }, 30000);

  it('generates an adapter registered in nest-cli.json and in npm start', () => {
    const generated = run(
      'node',
      ['scripts/adapter-new.js', AGENCY, '--name', 'Instansi Kerangka'],
      workspace,
    );
    expect(generated.status).toBe(0);
    const appDir = path.join(workspace, 'apps', `adapter-${AGENCY}`);
    for (const file of [
      'src/main.ts',
      `src/${AGENCY}.adapter.ts`,
      `src/legacy/${AGENCY}.connector.ts`,
      `src/services/${AGENCY}-services.ts`,
    ]) {
      expect(existsSync(path.join(appDir, file))).toBe(true);
    }
    expect(existsSync(path.join(workspace, 'test', `adapter-${AGENCY}.conformance.test.ts`))).toBe(
      true,
    );
    const nestCli = JSON.parse(readFileSync(path.join(workspace, 'nest-cli.json'), 'utf8'));
    expect(nestCli.projects[`adapter-${AGENCY}`].sourceRoot).toBe(`apps/adapter-${AGENCY}/src`);
    const apps = readFileSync(path.join(workspace, 'scripts', 'apps.js'), 'utf8');
    expect(apps.indexOf(`name: 'adapter-${AGENCY}'`)).toBeLessThan(apps.indexOf("name: 'gateway'"));
    expect(run('node', ['scripts/adapter-new.js', AGENCY], workspace).status).not.toBe(0);
  });

  it('passes its own conformance test', () => {
    const tested = run(
      'npx',
      ['jest', '--runInBand', '--selectProjects', 'integration', '--', `test/adapter-${AGENCY}`],
      workspace,
    );
    expect(tested.output).toMatch(/Tests:\s+5 passed, 5 total/);
    expect(tested.status).toBe(0);
  }, 120000);

  it('builds, and once started its service is submittable through a running gateway', async () => {
    const built = run('npx', ['nest', 'build', `adapter-${AGENCY}`], workspace);
    expect(built.status).toBe(0);
    gateway = await startGateway({ GATEWAY_STATUS_GROUP_ID: 'test-gateway-status-scaffold' });
    const before = await gateway.fetch(`/v1/services/${SERVICE}`);
    // Unknown, or known from the conformance run but with no adapter instance alive.
    expect(
      before.status === 404 || !((await before.json()) as { available: boolean }).available,
    ).toBe(true);

    adapter = spawn(
      'node',
      [path.join(workspace, 'dist', 'apps', `adapter-${AGENCY}`, 'main.js')],
      {
        env: {
          ...process.env,
          ADAPTER_PORT: String(await freePort()),
          ADAPTER_GROUP_ID: 'test-adapter-scaffold',
          STATUS_POLL_INTERVAL_MS: '100',
          LOG_LEVEL: 'warn',
        },
        stdio: 'ignore',
      },
    );
    await waitFor(
      async () => {
        const response = await gateway.fetch(`/v1/services/${SERVICE}`);
        return response.ok && ((await response.json()) as { available: boolean }).available;
      },
      { what: 'the generated adapter to announce its service', timeoutMs: 45000 },
    );
    const submitted = await gateway.fetch(`/v1/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceCode: SERVICE,
        applicant: { nik: '2171011508900003', name: 'Budi Santoso', contact: {} },
        data: { keperluan: 'Melamar kerja', jumlahSalinan: 2 },
      }),
    });
    expect(submitted.status).toBe(202);
    const { id } = (await submitted.json()) as { id: string };
    const completed = await waitFor(
      async () => {
        const state = (await (await gateway.fetch(`/v1/applications/${id}`)).json()) as {
          status: string;
          agencyReference: string;
        };
        return state.status === 'COMPLETED' && state;
      },
      { what: 'the application to complete', timeoutMs: 30000 },
    );
    expect(completed.agencyReference).toMatch(/^STUB-/);
  }, 180000);
});
