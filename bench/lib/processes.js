// Starts the built apps as child processes with their own environment, and stops them again.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
/** Where the built apps are; BENCH_DIST_DIR points elsewhere (another build of the same repo). */
const DIST = path.resolve(process.env.BENCH_DIST_DIR ?? path.join(ROOT, 'dist'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One running app: `node dist/apps/<app>/main.js`, its output in a log file. */
class AppProcess {
  constructor({ label, app, env, logDir }) {
    this.label = label;
    this.app = app;
    const logFile = path.join(logDir, `${label}.log`);
    const out = fs.openSync(logFile, 'a');
    this.child = spawn(process.execPath, [path.join(DIST, 'apps', app, 'main.js')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', out, out],
    });
    fs.closeSync(out);
    this.logFile = logFile;
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    this.exitCode = undefined;
    void this.exited.then((code) => (this.exitCode = code));
  }

  get pid() {
    return this.child.pid;
  }

  get running() {
    return this.exitCode === undefined;
  }

  /** SIGTERM, then SIGKILL if it has not exited within the grace period. */
  async stop(graceMs = 10000) {
    if (!this.running) return;
    this.child.kill('SIGTERM');
    const timer = sleep(graceMs).then(() => 'timeout');
    if ((await Promise.race([this.exited, timer])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
    }
  }
}

/** Resolves once `url` answers 2xx; rejects when the app exits or the time is up. */
async function waitUntilHealthy(processRef, url, timeoutMs = 90000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processRef && !processRef.running) {
      throw new Error(`${processRef.label} exited during start-up; see ${processRef.logFile}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`${processRef?.label ?? url} not healthy within ${timeoutMs / 1000}s`);
}

/** Resolves when `condition()` is truthy, checking every `everyMs`; rejects after `timeoutMs`. */
async function waitFor(what, condition, { timeoutMs = 60000, everyMs = 200 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(everyMs);
  }
}

module.exports = { AppProcess, waitUntilHealthy, waitFor, sleep, ROOT, DIST };
