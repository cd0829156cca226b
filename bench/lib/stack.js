// The system under test, started from dist/ as `npm start` runs it, on ports of its own: the
// legacy simulator, the three reference adapters, the gateways, and the request-reply baseline.
const { randomBytes } = require('node:crypto');
const path = require('node:path');
const { AppProcess, waitUntilHealthy, waitFor } = require('./processes');
const { startGroupsAtEnd, describeGroup, otherActiveConsumers } = require('./infra');
const { benchClients, catalogHas } = require('./gateway-client');
const { AGENCIES, SERVICE_CODES } = require('./samples');
const { SETTINGS } = require('./settings');

const url = (port) => `http://127.0.0.1:${port}`;
const ADAPTER_APPS = Object.fromEntries(AGENCIES.map((agency) => [agency, `adapter-${agency}`]));

class BenchStack {
  constructor({ runId, brokers, logDir, monitor }) {
    this.runId = runId;
    this.brokers = brokers;
    this.logDir = logDir;
    this.monitor = monitor;
    this.processes = new Map(); // label -> AppProcess
    this.adminKey = `bench-admin-${randomBytes(16).toString('hex')}`;
    this.gatewayUrl = url(SETTINGS.ports.gateway);
    this.intakeGatewayUrl = url(SETTINGS.ports.intakeGateway);
    this.simUrl = url(SETTINGS.ports.legacySim);
    this.baselineUrl = url(SETTINGS.ports.baseline);
    /** What the bench set for each app, recorded with the results. */
    this.appEnv = {};
  }

  /** Every app: the caller's environment (so a variable can be tried), then the bench's. */
  env(own) {
    return {
      ...process.env,
      DATABASE_URL: SETTINGS.databaseUrl,
      KAFKA_BROKERS: this.brokers,
      LOG_LEVEL: SETTINGS.logLevel,
      LOG_FORMAT: 'json',
      NODE_OPTIONS: SETTINGS.nodeOptions,
      ...own,
    };
  }

  start(label, app, own) {
    const processRef = new AppProcess({ label, app, env: this.env(own), logDir: this.logDir });
    this.processes.set(label, processRef);
    this.monitor.track(label, processRef.pid);
    const { GATEWAY_ADMIN_KEY: _secret, ...shown } = own;
    this.appEnv[label] = shown;
    return processRef;
  }

  pidOf(label) {
    return this.processes.get(label)?.pid;
  }

  async stop(label) {
    const processRef = this.processes.get(label);
    if (!processRef) return;
    this.monitor.untrack(label);
    this.processes.delete(label);
    await processRef.stop();
  }

  async startLegacySim() {
    const sim = this.start('legacy-sim', 'legacy-sim', {
      LEGACY_SIM_PORT: String(SETTINGS.ports.legacySim),
      SIM_CIVIL_REGISTRY_PROCESSING_MS: String(SETTINGS.legacyProcessingMs),
      SIM_PERMITS_PROCESSING_MS: String(SETTINGS.legacyProcessingMs),
      SIM_LAND_PROCESSING_MS: String(SETTINGS.legacyProcessingMs),
      // The permits rate limit is another legacy limit; off, so latency is the only one.
      SIM_PERMITS_RATE_LIMIT_PER_SECOND: '0',
      SIM_LAND_CALLBACK_RETRY_BASE_MS: '100',
    });
    await waitUntilHealthy(sim, `${this.simUrl}/health`);
  }

  adapterGroup(agency) {
    return `bench-${this.runId}-adapter-${agency}`;
  }

  statusGroup() {
    return `bench-${this.runId}-gateway-status`;
  }

  adapterEnv(agency, port, instance) {
    const sim = this.simUrl;
    return {
      ADAPTER_PORT: String(port),
      ADAPTER_GROUP_ID: this.adapterGroup(agency),
      ADAPTER_INSTANCE_ID: `bench-${agency}-${instance}`,
      ADAPTER_LEGACY_CONCURRENCY: String(SETTINGS.adapter.legacyConcurrency),
      STATUS_POLL_INTERVAL_MS: String(SETTINGS.adapter.statusPollIntervalMs),
      CIVIL_REGISTRY_URL: `${sim}/disdukcapil/ws`,
      OSS_BASE_URL: `${sim}/oss/v1`,
      LAND_BASE_URL: `${sim}/bpbatam/api`,
      LAND_CALLBACK_URL: `${url(port)}/callbacks/land`,
    };
  }

  /**
   * One instance of each adapter, on new consumer groups that start at the end of the shared
   * topics. They announce their services, which every gateway of the run reads.
   */
  async startAdapters() {
    await startGroupsAtEnd(
      this.brokers,
      AGENCIES.map((agency) => ({
        groupId: this.adapterGroup(agency),
        topic: `mpp.${agency}.applications`,
      })),
    );
    await Promise.all(
      AGENCIES.map((agency) => {
        const port = SETTINGS.ports.adapters[agency];
        const processRef = this.start(
          `adapter-${agency}`,
          ADAPTER_APPS[agency],
          this.adapterEnv(agency, port, 1),
        );
        return waitUntilHealthy(processRef, `${url(port)}/health`);
      }),
    );
    for (const agency of AGENCIES) await this.waitForGroup(this.adapterGroup(agency), 1);
  }

  /**
   * The gateways measured at intake, on a database of their own: the bench's configuration and
   * one gateway per variant. They run the API and the catalog only: without the outbox relay,
   * what they accept under load stays in their database instead of flooding the shared agency
   * topics, which every other consumer group on this broker would then have to read.
   */
  async startIntakeGateways() {
    const gateways = [
      { label: 'gateway-intake', port: SETTINGS.ports.intakeGateway, env: {} },
      ...SETTINGS.intakeVariants.map((variant, index) => ({
        label: `gateway-variant-${index + 1}`,
        port: SETTINGS.ports.firstVariant + index,
        env: variant.env,
        variant,
      })),
    ];
    const common = (gateway) => ({
      DATABASE_URL: SETTINGS.intakeDatabaseUrl,
      GATEWAY_PORT: String(gateway.port),
      GATEWAY_ROLES: 'api,catalog',
      GATEWAY_INSTANCE_ID: `bench-${this.runId}-${gateway.label}`,
      GATEWAY_ADMIN_KEY: this.adminKey,
      ...gateway.env,
    });
    // The first migrates the database; the others start once it has.
    const [first, ...others] = gateways;
    if (SETTINGS.profileIntake) {
      this.intakeProfileFile = path.join(this.logDir, `${first.label}.cpuprofile`);
      first.env = {
        NODE_OPTIONS: `${SETTINGS.nodeOptions} --require ${path.join(__dirname, 'cpu-profile-preload.js')}`,
        BENCH_PROFILE_FILE: this.intakeProfileFile,
      };
    }
    await waitUntilHealthy(
      this.start(first.label, 'gateway', common(first)),
      `${url(first.port)}/health`,
    );
    await Promise.all(
      others.map((gateway) =>
        waitUntilHealthy(
          this.start(gateway.label, 'gateway', common(gateway)),
          `${url(gateway.port)}/health`,
        ),
      ),
    );
    const clients = await benchClients(url(first.port), this.adminKey, SETTINGS.clients);
    this.intakeHeaderSets = clients.headerSets;
    this.access = clients.access;
    for (const gateway of gateways) {
      await waitFor(`every service in the catalog of ${gateway.label}`, () =>
        catalogHas(url(gateway.port), this.intakeHeaderSets[0], SERVICE_CODES),
      );
    }
    this.variantGateways = gateways
      .filter((gateway) => gateway.variant)
      .map((gateway) => ({
        label: gateway.label,
        url: url(gateway.port),
        name: gateway.variant.name,
        env: gateway.env,
      }));
  }

  async stopIntakeGateways() {
    await Promise.all(
      [...this.processes.keys()]
        .filter((label) => label.startsWith('gateway-'))
        .map((label) => this.stop(label)),
    );
  }

  /** The gateway with every role, on the adapters' database, for end to end and scale-out. */
  async startGateway() {
    await startGroupsAtEnd(this.brokers, [{ groupId: this.statusGroup(), topic: 'mpp.status' }]);
    const gateway = this.start('gateway', 'gateway', {
      GATEWAY_PORT: String(SETTINGS.ports.gateway),
      GATEWAY_INSTANCE_ID: `bench-${this.runId}-gateway`,
      GATEWAY_STATUS_GROUP_ID: this.statusGroup(),
      GATEWAY_ADMIN_KEY: this.adminKey,
    });
    await waitUntilHealthy(gateway, `${this.gatewayUrl}/health`);
    this.headerSets = (
      await benchClients(this.gatewayUrl, this.adminKey, SETTINGS.clients)
    ).headerSets;
    await waitFor('every service in the catalog', () =>
      catalogHas(this.gatewayUrl, this.headerSets[0], SERVICE_CODES),
    );
    await this.waitForGroup(this.statusGroup(), 1);
  }

  async waitForGroup(groupId, members) {
    await waitFor(
      `consumer group ${groupId} stable with ${members} member(s)`,
      async () => {
        const group = await describeGroup(this.brokers, groupId);
        return group.state === 'Stable' && group.members === members;
      },
      { timeoutMs: 60000, everyMs: 500 },
    );
  }

  /** Another instance of an agency's adapter in the same consumer group. */
  async addAdapterInstance(agency, port, instance) {
    const label = `adapter-${agency}-${instance}`;
    const processRef = this.start(
      label,
      ADAPTER_APPS[agency],
      this.adapterEnv(agency, port, instance),
    );
    await waitUntilHealthy(processRef, `${url(port)}/health`);
    await this.waitForGroup(this.adapterGroup(agency), instance);
    return label;
  }

  async startBaseline() {
    const common = {
      BASELINE_PORT: String(SETTINGS.ports.baseline),
      BASELINE_GROUP_ID: `bench-${this.runId}-baseline`,
      BASELINE_PARTITION_CONCURRENCY: String(SETTINGS.adapter.legacyConcurrency),
      CIVIL_REGISTRY_URL: `${this.simUrl}/disdukcapil/ws`,
    };
    this.start('baseline-responder', 'bench-baseline', { ...common, BASELINE_ROLE: 'responder' });
    const http = this.start('baseline-http', 'bench-baseline', {
      ...common,
      BASELINE_ROLE: 'http',
    });
    await waitUntilHealthy(http, `${this.baselineUrl}/health`);
  }

  async stopBaseline() {
    await Promise.all(['baseline-http', 'baseline-responder'].map((label) => this.stop(label)));
  }

  /** Other users' consumer groups reading the agency topics right now (see lib/infra.js). */
  async otherConsumers() {
    const topics = AGENCIES.map((agency) => `mpp.${agency}.applications`);
    return otherActiveConsumers(this.brokers, topics, `bench-${this.runId}`).catch((error) => [
      { groupId: `(could not list: ${error.message})`, topics: [] },
    ]);
  }

  async stopAll() {
    await Promise.all([...this.processes.keys()].map((label) => this.stop(label)));
  }
}

module.exports = { BenchStack };
