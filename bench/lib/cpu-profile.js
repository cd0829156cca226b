// Reads a V8 .cpuprofile: where the time went, by package and by function (self time).
const fs = require('node:fs');

/** The package a frame belongs to: an npm package, Node itself, the app's bundle, or V8. */
function ownerOf(url, functionName) {
  if (!url) return functionName.startsWith('(') ? `V8 ${functionName}` : 'V8/native';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const [first, second] = url.slice(modules + 'node_modules/'.length).split('/');
    return first.startsWith('@') ? `${first}/${second}` : first;
  }
  if (url.startsWith('node:')) return 'Node.js core';
  if (url.includes('cpu-profile-preload')) return 'V8 (profiler)';
  const app = /dist\/apps\/([^/]+)\//.exec(url);
  if (app) return `${app[1]} (its own code and libs/)`;
  return url;
}

const isLibraryOrApp = (owner) => !owner.startsWith('V8') && owner !== 'Node.js core';

/**
 * Time charged to the first npm package or app frame up the stack: a native write or a Node.js
 * stream call is counted for the library that made it (pino's log line, pg's query, ...).
 */
function callerOwner(node, byId, parents) {
  const own = ownerOf(node.callFrame.url, node.callFrame.functionName);
  if (own.startsWith('V8 (')) return own; // garbage collector, program, idle
  for (let current = node; current; current = byId.get(parents.get(current.id))) {
    const owner = ownerOf(current.callFrame.url, current.callFrame.functionName);
    if (isLibraryOrApp(owner)) return owner;
  }
  return own;
}

function summariseProfile(file, top = 15) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parents = new Map();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parents.set(child, node.id);
  const selfMicros = new Map();
  for (let index = 0; index < profile.samples.length; index++) {
    const id = profile.samples[index];
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }
  const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0);
  const idle = [...selfMicros].filter(([id]) => byId.get(id)?.callFrame.functionName === '(idle)');
  const idleMicros = idle.reduce((sum, [, value]) => sum + value, 0);
  const byOwner = new Map();
  const byCaller = new Map();
  const byFunction = new Map();
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    if (functionName === '(idle)') continue;
    const owner = ownerOf(url, functionName);
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + micros);
    const caller = callerOwner(byId.get(id), byId, parents);
    byCaller.set(caller, (byCaller.get(caller) ?? 0) + micros);
    const name = `${functionName || '(anonymous)'} ${owner}${url ? `:${lineNumber + 1}` : ''}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + micros);
  }
  const busy = total - idleMicros;
  const share = (entries) =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, shareOfBusy: micros / busy }));
  return {
    seconds: total / 1e6,
    busyShare: busy / total,
    byPackage: share(byOwner),
    byCallingPackage: share(byCaller),
    topFunctions: share(byFunction),
  };
}

module.exports = { summariseProfile };
