import { createLegacySimApp } from './legacy-sim.app';

createLegacySimApp().then(
  ({ app }) => app.enableShutdownHooks(),
  (error: unknown) => {
    console.error('legacy-sim failed to start', error);
    process.exit(1);
  },
);
