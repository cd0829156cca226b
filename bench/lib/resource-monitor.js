// Samples CPU and resident memory of the apps under test (pidusage), and, on Linux, of the
// PostgreSQL server, the Kafka broker and the whole machine (/proc), so a figure can be read
// beside what the processes around it were doing.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');
const pidusage = require('pidusage');

const MB = 1024 * 1024;

function clockTicks() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

/** CPU ticks (user + system) of a process from /proc, or undefined once it is gone. */
function procTicks(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

function pidsWhere(predicate) {
  let entries;
  try {
    entries = fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => {
    try {
      return predicate(pid);
    } catch {
      return false;
    }
  });
}

const postgresPids = () =>
  pidsWhere((pid) => fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres');
const kafkaPids = () =>
  pidsWhere((pid) => fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('kafka.Kafka'));

/** Busy and total jiffies of the whole machine, from the first line of /proc/stat. */
function machineTicks() {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const values = fields.slice(1).map(Number);
    const idle = values[3] + (values[4] ?? 0);
    const total = values.reduce((sum, value) => sum + value, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

class ResourceMonitor {
  constructor({ intervalMs = 250 } = {}) {
    this.intervalMs = intervalMs;
    this.ticksPerSecond = clockTicks();
    this.apps = new Map(); // label -> pid
    this.windows = new Set();
    this.peakRss = new Map(); // label -> bytes, over the monitor's life
    this.groupTicks = new Map(); // group -> Map(pid -> ticks)
    this.lastSampleAt = undefined;
    this.lastMachine = undefined;
  }

  track(label, pid) {
    this.apps.set(label, pid);
  }

  untrack(label) {
    this.apps.delete(label);
  }

  start() {
    this.timer = setInterval(() => void this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
    pidusage.clear();
  }

  /** Starts collecting for one measurement; `end()` returns what was seen meanwhile. */
  window() {
    const window = { cpu: new Map(), rss: new Map(), groups: new Map(), machine: [] };
    this.windows.add(window);
    return {
      end: () => {
        this.windows.delete(window);
        return summarise(window);
      },
    };
  }

  /** Peak RSS in MB of every app seen so far. */
  peaks() {
    return Object.fromEntries([...this.peakRss].map(([label, bytes]) => [label, bytes / MB]));
  }

  async sample() {
    if (this.sampling) return;
    this.sampling = true;
    try {
      const now = Date.now();
      const elapsed = this.lastSampleAt ? (now - this.lastSampleAt) / 1000 : undefined;
      this.lastSampleAt = now;
      const labels = [...this.apps.keys()];
      const pids = labels.map((label) => this.apps.get(label));
      let stats = {};
      if (pids.length > 0) stats = await pidusage(pids).catch(() => ({}));
      for (const [index, label] of labels.entries()) {
        const stat = stats[pids[index]];
        if (!stat) continue;
        this.peakRss.set(label, Math.max(this.peakRss.get(label) ?? 0, stat.memory));
        for (const window of this.windows) {
          push(window.cpu, label, stat.cpu);
          window.rss.set(label, Math.max(window.rss.get(label) ?? 0, stat.memory));
        }
      }
      if (elapsed) this.sampleGroups(elapsed);
      const machine = machineTicks();
      if (machine && this.lastMachine) {
        const total = machine.total - this.lastMachine.total;
        const busyPercent = total > 0 ? ((machine.busy - this.lastMachine.busy) / total) * 100 : 0;
        for (const window of this.windows) window.machine.push(busyPercent);
      }
      this.lastMachine = machine;
    } finally {
      this.sampling = false;
    }
  }

  /** CPU of PostgreSQL (every backend) and of the Kafka broker, in percent of one core. */
  sampleGroups(elapsedSeconds) {
    for (const [group, find] of [
      ['postgres', postgresPids],
      ['kafka', kafkaPids],
    ]) {
      const previous = this.groupTicks.get(group) ?? new Map();
      const current = new Map();
      let delta = 0;
      for (const pid of find()) {
        const ticks = procTicks(pid);
        if (ticks === undefined) continue;
        current.set(pid, ticks);
        if (previous.has(pid)) delta += ticks - previous.get(pid);
      }
      this.groupTicks.set(group, current);
      const percent = (delta / this.ticksPerSecond / elapsedSeconds) * 100;
      for (const window of this.windows) push(window.groups, group, percent);
    }
  }
}

function push(map, key, value) {
  const values = map.get(key) ?? [];
  values.push(value);
  map.set(key, values);
}

const mean = (values) =>
  values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;

function summarise(window) {
  const apps = {};
  for (const [label, values] of window.cpu) {
    apps[label] = { cpuPercent: mean(values), peakRssMb: (window.rss.get(label) ?? 0) / MB };
  }
  const others = {};
  for (const [group, values] of window.groups) others[group] = { cpuPercent: mean(values) };
  return { apps, others, machineBusyPercent: mean(window.machine) };
}

module.exports = { ResourceMonitor };
