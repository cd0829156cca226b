#!/usr/bin/env node
/*
 * Local Apache Kafka broker for development, tests and CI (no Docker).
 *
 * A single KRaft node (broker + controller in one JVM) listening on
 * 127.0.0.1:9092 (clients) and 127.0.0.1:9093 (controller). The broker's jars
 * come from Maven Central through infra/kafka/pom.xml (cached in ~/.m2); the
 * resolved classpath is cached in <dir>/classpath.txt, keyed by a hash of the pom.
 *
 *   node scripts/infra/kafka.js start    # start (or reuse) the broker; prints the brokers string
 *   node scripts/infra/kafka.js stop     # stop the broker this tooling started
 *   node scripts/infra/kafka.js status   # exit 0 when a broker answers on 127.0.0.1:9092
 *
 *   const { ensureKafka, stopKafka } = require('./scripts/infra/kafka');
 *   const kafka = await ensureKafka();   // { brokers, startedByUs, stop() }
 *
 * Environment:
 *   KAFKA_BROKERS     an external broker list: when set to anything other than
 *                     127.0.0.1:9092 / localhost:9092 nothing is started.
 *   KAFKA_LOCAL_DIR   where the pid, output, config, classpath and data live
 *                     (default: .local/kafka at the repository root).
 *   KAFKA_HEAP_OPTS   JVM heap options (default: -Xms256m -Xmx512m).
 *   KAFKA_LOG_LEVEL   root log level of the broker (default WARN; see infra/kafka/log4j2.properties).
 *   JAVA_HOME         Java 17+ to run the broker with (default: `java` on PATH).
 *
 * Layout of the local dir: kafka.pid, kafka.out (JVM stdout/stderr), server.properties,
 * classpath.txt, data/ (log.dirs, formatted once), logs/server.log.
 *
 * Plain CommonJS: Node built-ins plus kafkajs (required lazily).
 */
'use strict';

const childProcess = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const POM_FILE = path.join(REPO_ROOT, 'infra', 'kafka', 'pom.xml');
const LOG4J_FILE = path.join(REPO_ROOT, 'infra', 'kafka', 'log4j2.properties');

const HOST = '127.0.0.1';
const PORT = 9092;
const CONTROLLER_PORT = 9093;
const LOCAL_BROKERS = `${HOST}:${PORT}`;
const LOCAL_ALIASES = new Set(['127.0.0.1:9092', 'localhost:9092']);

const DEFAULT_START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 30_000;
const DEFAULT_HEAP_OPTS = '-Xms256m -Xmx512m';

// ---------------------------------------------------------------------------
// Paths

function localDir() {
  const fromEnv = process.env.KAFKA_LOCAL_DIR;
  return fromEnv ? path.resolve(fromEnv) : path.join(REPO_ROOT, '.local', 'kafka');
}

function paths() {
  const dir = localDir();
  return {
    dir,
    pidFile: path.join(dir, 'kafka.pid'),
    outFile: path.join(dir, 'kafka.out'),
    lockFile: path.join(dir, 'start.lock'),
    classpathFile: path.join(dir, 'classpath.txt'),
    serverProperties: path.join(dir, 'server.properties'),
    dataDir: path.join(dir, 'data'),
    logsDir: path.join(dir, 'logs'),
  };
}

// ---------------------------------------------------------------------------
// Small helpers

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function defaultLog(message) {
  process.stderr.write(`[kafka] ${message}\n`);
}

function readPid(pidFile) {
  try {
    const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** True while the process exists and is not a zombie. */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  try {
    // /proc/<pid>/stat: "pid (comm) S ..." - a zombie (Z) has already exited.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no procfs: trust kill(0)
  }
}

/** True when pid is (still) the broker JVM this tooling started, not a recycled pid. */
function isOurBroker(pid) {
  if (!isAlive(pid)) return false;
  try {
    const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('kafka.Kafka');
  } catch {
    return true; // no procfs: assume the pid file is right
  }
}

/** Path relative to the repository root when inside it (shorter messages), else absolute. */
function shown(file) {
  const rel = path.relative(REPO_ROOT, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

function removeFile(file) {
  try {
    fs.unlinkSync(file);
  } catch {
    /* already gone */
  }
}

function tail(file, lines = 40) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.split('\n').slice(-lines).join('\n').trimEnd();
  } catch {
    return '';
  }
}

/** TCP connect with a short timeout: cheap "is anything listening" probe. */
function canConnect(host, port, timeoutMs = 500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.removeAllListeners();
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

let kafkajsModule;
function kafkajs() {
  if (!kafkajsModule) kafkajsModule = require('kafkajs');
  return kafkajsModule;
}

/** True when a Kafka broker answers admin requests (describeCluster) at brokers. */
async function answersKafka(brokers = LOCAL_BROKERS, timeoutMs = 2000) {
  const [host, portText] = brokers.split(',')[0].split(':');
  if (!(await canConnect(host, Number(portText), Math.min(timeoutMs, 500)))) return false;
  const { Kafka, logLevel } = kafkajs();
  const admin = new Kafka({
    clientId: 'infra-kafka-probe',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 1000),
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  }).admin({ retry: { retries: 0 } });
  let timer;
  try {
    const probe = (async () => {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return Array.isArray(cluster.brokers) && cluster.brokers.length > 0;
    })();
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs + 500);
    });
    return await Promise.race([probe, timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => {});
  }
}

// ---------------------------------------------------------------------------
// Classpath (Maven, cached by pom hash)

function javaBin() {
  const home = process.env.JAVA_HOME;
  if (home) {
    const candidate = path.join(home, 'bin', process.platform === 'win32' ? 'java.exe' : 'java');
    if (fs.existsSync(candidate)) return candidate;
  }
  return 'java';
}

function pomHash() {
  return crypto.createHash('sha256').update(fs.readFileSync(POM_FILE)).digest('hex');
}

function readCachedClasspath(classpathFile, hash) {
  let text;
  try {
    text = fs.readFileSync(classpathFile, 'utf8');
  } catch {
    return null;
  }
  const [header, classpath] = text.split('\n');
  if (header !== `# pom-sha256=${hash}` || !classpath) return null;
  // ~/.m2 may have been cleaned since: every jar must still be there.
  const jars = classpath.split(path.delimiter);
  return jars.every((jar) => fs.existsSync(jar)) ? classpath : null;
}

function resolveClasspath(p, log) {
  const hash = pomHash();
  const cached = readCachedClasspath(p.classpathFile, hash);
  if (cached) return cached;

  log(`resolving the broker classpath with Maven (${shown(POM_FILE)}) ...`);
  const outputFile = `${p.classpathFile}.${process.pid}.tmp`;
  const mvn = process.platform === 'win32' ? 'mvn.cmd' : 'mvn';
  const result = childProcess.spawnSync(
    mvn,
    [
      '-B',
      '-q',
      '-f',
      POM_FILE,
      'dependency:build-classpath',
      `-Dmdep.outputFile=${outputFile}`,
      '-Dmdep.includeScope=runtime',
    ],
    { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (result.error || result.status !== 0) {
    removeFile(outputFile);
    const detail = result.error
      ? result.error.message
      : `${result.stdout || ''}${result.stderr || ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(
      `could not resolve the Kafka classpath with Maven (is mvn installed?):\n${detail}`,
    );
  }
  const classpath = fs.readFileSync(outputFile, 'utf8').trim();
  removeFile(outputFile);
  if (!classpath.includes('kafka_2.13')) {
    throw new Error(`Maven returned a classpath without kafka_2.13: ${classpath.slice(0, 200)}`);
  }
  fs.writeFileSync(p.classpathFile, `# pom-sha256=${hash}\n${classpath}\n`);
  return classpath;
}

/** Kafka version from the kafka_2.13-X.Y.Z.jar on the classpath, e.g. [4, 4, 0]. */
function kafkaVersion(classpath) {
  const match = /kafka_2\.1[23]-(\d+)\.(\d+)\.(\d+)[^/\\]*\.jar/.exec(classpath);
  return match ? match.slice(1, 4).map(Number) : [0, 0, 0];
}

// ---------------------------------------------------------------------------
// Broker config, storage format, start

/** KIP-853 dynamic quorum (controller.quorum.bootstrap.servers + format --standalone) since 3.9. */
function usesDynamicQuorum(version) {
  const [major, minor] = version;
  return major > 3 || (major === 3 && minor >= 9);
}

function serverProperties(p, version) {
  const quorum = usesDynamicQuorum(version)
    ? `controller.quorum.bootstrap.servers=${HOST}:${CONTROLLER_PORT}`
    : `controller.quorum.voters=1@${HOST}:${CONTROLLER_PORT}`;
  // Properties files treat backslashes as escapes.
  const logDirs = p.dataDir.replace(/\\/g, '/');
  return [
    '# Written by scripts/infra/kafka.js on every start: edit the script, not this file.',
    '# Single-node KRaft (combined broker + controller) for local development and CI.',
    'process.roles=broker,controller',
    'node.id=1',
    quorum,
    `listeners=PLAINTEXT://${HOST}:${PORT},CONTROLLER://${HOST}:${CONTROLLER_PORT}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${PORT}`,
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'inter.broker.listener.name=PLAINTEXT',
    `log.dirs=${logDirs}`,
    'num.partitions=3',
    'default.replication.factor=1',
    'min.insync.replicas=1',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=10',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=10',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=false',
    'delete.topic.enable=true',
    'num.network.threads=2',
    'num.io.threads=4',
    'num.recovery.threads.per.data.dir=1',
    'log.retention.hours=168',
    '',
  ].join('\n');
}

function runJava(args, what) {
  const result = childProcess.spawnSync(javaBin(), args, {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const detail = result.error
      ? result.error.message
      : `${result.stdout || ''}${result.stderr || ''}`.trim();
    throw new Error(`${what} failed:\n${detail}`);
  }
  return result.stdout;
}

function formatStorageIfNeeded(p, classpath, version, log) {
  if (fs.existsSync(path.join(p.dataDir, 'meta.properties'))) return;
  fs.mkdirSync(p.dataDir, { recursive: true });
  // A Kafka Uuid: 16 random bytes, base64url without padding.
  const clusterId = crypto.randomBytes(16).toString('base64url');
  log(`formatting ${shown(p.dataDir)} (cluster id ${clusterId}) ...`);
  const args = [
    '-Xmx256m',
    '-cp',
    classpath,
    `-Dlog4j2.configurationFile=${LOG4J_FILE}`,
    `-Dkafka.logs.dir=${p.logsDir}`,
    'kafka.tools.StorageTool',
    'format',
    '--config',
    p.serverProperties,
    '--cluster-id',
    clusterId,
    '--ignore-formatted',
  ];
  if (usesDynamicQuorum(version)) args.push('--standalone');
  runJava(args, 'kafka storage format');
}

function jvmArgs(p, classpath) {
  const heap = (process.env.KAFKA_HEAP_OPTS || DEFAULT_HEAP_OPTS).split(/\s+/).filter(Boolean);
  return [
    ...heap,
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExplicitGCInvokesConcurrent',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${LOG4J_FILE}`,
    `-Dkafka.logs.dir=${p.logsDir}`,
    '-cp',
    classpath,
    'kafka.Kafka',
    p.serverProperties,
  ];
}

function spawnBroker(p, classpath) {
  const out = fs.openSync(p.outFile, 'w');
  try {
    const child = childProcess.spawn(javaBin(), jvmArgs(p, classpath), {
      cwd: p.dir,
      detached: true, // own session: survives the CLI that started it
      stdio: ['ignore', out, out],
    });
    child.on('error', () => {}); // reported through waitUntilReady (process not alive)
    child.unref();
    if (!child.pid) throw new Error(`could not start ${javaBin()} (is Java 17+ installed?)`);
    fs.writeFileSync(p.pidFile, `${child.pid}\n`);
    return child.pid;
  } finally {
    fs.closeSync(out);
  }
}

function failureMessage(p, headline) {
  const server = tail(path.join(p.logsDir, 'server.log'), 25);
  const out = tail(p.outFile, 25);
  return [
    `${headline}`,
    `--- ${p.outFile} (tail) ---`,
    out || '(empty)',
    `--- ${path.join(p.logsDir, 'server.log')} (tail) ---`,
    server || '(empty)',
    '---',
    `If the data dir is from another Kafka version or is corrupt, stop the broker and delete ${p.dataDir} to reformat it.`,
  ].join('\n');
}

async function waitUntilReady(p, pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (pid && !isAlive(pid)) {
      removeFile(p.pidFile);
      throw new Error(failureMessage(p, `the Kafka broker (pid ${pid}) exited during start-up.`));
    }
    if (await answersKafka(LOCAL_BROKERS, 2000)) return;
    await sleep(250);
  }
  throw new Error(
    failureMessage(
      p,
      `the Kafka broker did not answer on ${LOCAL_BROKERS} within ${timeoutMs / 1000}s.`,
    ),
  );
}

/**
 * First use of a fresh broker: create/load the group and transaction coordinators
 * (__consumer_offsets, __transaction_state) now, so that the first consumer or
 * idempotent producer of a test does not hit "coordinator is loading" errors.
 * Best effort: failures are only logged.
 */
async function warmUp(log, timeoutMs = 30_000) {
  const { Kafka, logLevel } = kafkajs();
  const kafka = new Kafka({
    clientId: 'infra-kafka-warmup',
    brokers: [LOCAL_BROKERS],
    logLevel: logLevel.NOTHING,
    retry: { initialRetryTime: 100, retries: 5 },
  });
  const deadline = Date.now() + timeoutMs;
  const attempt = async (what, fn) => {
    for (;;) {
      try {
        return await fn();
      } catch (err) {
        // NOT_COORDINATOR / COORDINATOR_LOAD_IN_PROGRESS while the internal topic is created
        if (Date.now() > deadline) {
          log(`warm-up (${what}) failed, continuing: ${err.message}`);
          return undefined;
        }
        await sleep(200);
      }
    }
  };
  await attempt('group coordinator', async () => {
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.fetchOffsets({ groupId: 'infra-kafka-warmup', topics: [] });
    } finally {
      await admin.disconnect().catch(() => {});
    }
  });
  await attempt('transaction coordinator', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    try {
      await producer.connect(); // InitProducerId
    } finally {
      await producer.disconnect().catch(() => {});
    }
  });
}

// ---------------------------------------------------------------------------
// Start lock (several processes may call ensureKafka at the same time)

async function acquireLock(p, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = fs.openSync(p.lockFile, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => removeFile(p.lockFile);
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const holder = readPid(p.lockFile);
    if (holder === null || !isAlive(holder)) {
      removeFile(p.lockFile); // stale lock of a process that died
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${p.lockFile} (held by pid ${holder})`);
    await sleep(200);
  }
}

// ---------------------------------------------------------------------------
// Public API

/**
 * Stop the broker started by this tooling (pid file present): SIGTERM, wait up
 * to 30 s, then SIGKILL. Resolves true when a broker was stopped.
 */
async function stopKafka(options = {}) {
  const log = options.log || defaultLog;
  const p = paths();
  const pid = readPid(p.pidFile);
  if (pid === null) return false;
  if (!isOurBroker(pid)) {
    removeFile(p.pidFile); // stale pid file
    return false;
  }
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    /* exited meanwhile */
  }
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (isAlive(pid)) {
    log(`broker pid ${pid} still running after ${STOP_TIMEOUT_MS / 1000}s, sending SIGKILL`);
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* exited meanwhile */
    }
    const killDeadline = Date.now() + 5000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  }
  removeFile(p.pidFile);
  return true;
}

const noopStop = async () => {};

/**
 * Make sure a Kafka broker is reachable and return its bootstrap string.
 *
 * @param {object} [options]
 * @param {number} [options.timeoutMs=90000] how long to wait for a started broker to answer
 * @param {(message: string) => void} [options.log] progress messages (default: stderr)
 * @returns {Promise<{ brokers: string, startedByUs: boolean, stop(): Promise<void> }>}
 *   startedByUs is true only when this call started the JVM; stop() stops it then
 *   and is a no-op otherwise.
 */
async function ensureKafka(options = {}) {
  const timeoutMs = options.timeoutMs || DEFAULT_START_TIMEOUT_MS;
  const log = options.log || defaultLog;

  const fromEnv = (process.env.KAFKA_BROKERS || '').trim();
  if (fromEnv && !LOCAL_ALIASES.has(fromEnv)) {
    return { brokers: fromEnv, startedByUs: false, stop: noopStop };
  }
  const brokers = fromEnv || LOCAL_BROKERS;

  // Fast path: something already answers Kafka requests on 127.0.0.1:9092.
  if (await answersKafka(LOCAL_BROKERS, 2000)) {
    return { brokers, startedByUs: false, stop: noopStop };
  }

  const p = paths();
  fs.mkdirSync(p.dir, { recursive: true });
  const release = await acquireLock(p, timeoutMs + 60_000);
  try {
    // Another process may have started it while we waited for the lock.
    if (await answersKafka(LOCAL_BROKERS, 2000)) {
      return { brokers, startedByUs: false, stop: noopStop };
    }
    // A broker of this tooling still starting (e.g. started by a CLI that was interrupted).
    const existing = readPid(p.pidFile);
    if (existing !== null && isOurBroker(existing)) {
      log(`waiting for the broker already starting (pid ${existing}) ...`);
      await waitUntilReady(p, existing, timeoutMs);
      return { brokers, startedByUs: false, stop: noopStop };
    }
    removeFile(p.pidFile); // stale
    if (await canConnect(HOST, PORT)) {
      throw new Error(
        `port ${PORT} on ${HOST} is in use by something that does not answer Kafka requests.`,
      );
    }
    if (await canConnect(HOST, CONTROLLER_PORT)) {
      throw new Error(`port ${CONTROLLER_PORT} on ${HOST} (KRaft controller) is already in use.`);
    }

    const started = Date.now();
    const classpath = resolveClasspath(p, log);
    const version = kafkaVersion(classpath);
    fs.mkdirSync(p.logsDir, { recursive: true });
    fs.writeFileSync(p.serverProperties, serverProperties(p, version));
    formatStorageIfNeeded(p, classpath, version, log);

    const pid = spawnBroker(p, classpath);
    log(`starting Kafka ${version.join('.')} (pid ${pid}, logs in ${shown(p.logsDir)}) ...`);
    try {
      await waitUntilReady(p, pid, timeoutMs);
      await warmUp(log);
    } catch (err) {
      await stopKafka({ log }).catch(() => {});
      throw err;
    }
    log(`Kafka ready on ${LOCAL_BROKERS} after ${((Date.now() - started) / 1000).toFixed(1)}s`);
    return {
      brokers,
      startedByUs: true,
      stop: async () => {
        await stopKafka({ log });
      },
    };
  } finally {
    release();
  }
}

async function status() {
  const p = paths();
  const fromEnv = (process.env.KAFKA_BROKERS || '').trim();
  const external = fromEnv && !LOCAL_ALIASES.has(fromEnv);
  const brokers = external ? fromEnv : LOCAL_BROKERS;
  const up = await answersKafka(brokers, 2000);
  const pid = readPid(p.pidFile);
  const ours = pid !== null && isOurBroker(pid);
  return { brokers, external: Boolean(external), up, pid: ours ? pid : null, dir: p.dir };
}

// ---------------------------------------------------------------------------
// CLI

async function main(argv) {
  const command = argv[0];
  switch (command) {
    case 'start': {
      const result = await ensureKafka();
      if (!result.startedByUs) defaultLog(`Kafka already available on ${result.brokers}`);
      process.stdout.write(`${result.brokers}\n`);
      return 0;
    }
    case 'stop': {
      const stopped = await stopKafka();
      defaultLog(stopped ? 'Kafka stopped' : 'no Kafka broker started by this tooling is running');
      return 0;
    }
    case 'status': {
      const s = await status();
      const owner = s.external
        ? 'external'
        : s.pid
          ? `local, pid ${s.pid}`
          : 'not started by this tooling';
      process.stdout.write(`${s.up ? 'up' : 'down'} ${s.brokers} (${owner}; dir ${s.dir})\n`);
      return s.up ? 0 : 1;
    }
    default:
      process.stderr.write('usage: node scripts/infra/kafka.js start|stop|status\n');
      return 2;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`[kafka] ${err && err.message ? err.message : err}\n`);
      process.exit(1);
    },
  );
}

module.exports = { ensureKafka, stopKafka, LOCAL_BROKERS };
