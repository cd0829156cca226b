// Loaded into an app under test with `--require` (NODE_OPTIONS). The first SIGWINCH starts a V8
// CPU profile, the next one writes it to BENCH_PROFILE_FILE (a .cpuprofile, which Chrome DevTools
// opens). SIGWINCH is ignored by default and is not among the signals Nest shuts down on. The
// inspector session exists only while profiling, so the app runs untouched the rest of the time.
const fs = require('node:fs');
const inspector = require('node:inspector');

let session;

function post(method, params = {}) {
  return new Promise((resolve, reject) =>
    session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
  );
}

process.on('SIGWINCH', () => {
  if (!session) {
    session = new inspector.Session();
    session.connect();
    void post('Profiler.enable')
      .then(() => post('Profiler.setSamplingInterval', { interval: 500 }))
      .then(() => post('Profiler.start'));
    return;
  }
  void post('Profiler.stop').then(({ profile }) => {
    session.disconnect();
    session = undefined;
    fs.writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(profile));
  });
});
