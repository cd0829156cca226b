import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Request, Response } from 'express';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const CHART_LIBRARY_PATH = '/vendor/chart.umd.min.js';

/** Chart.js's browser build, from the package the app depends on. */
function chartLibraryFile(): string | undefined {
  try {
    // Node's own resolution: a bundler would turn a plain require.resolve into a module id.
    const main = createRequire(__filename).resolve('chart.js');
    return join(dirname(main), 'chart.umd.min.js');
  } catch {
    return undefined;
  }
}

/**
 * Serves Chart.js to the reports page from node_modules: the page loads nothing from elsewhere
 * (the dashboard's Content-Security-Policy allows only this origin).
 */
export function serveChartLibrary(app: NestExpressApplication): void {
  const file = chartLibraryFile();
  if (!file) {
    new Logger('ReportsPage').error('chart.js is not installed; the reports page has no charts');
    return;
  }
  app.use(CHART_LIBRARY_PATH, (_request: Request, response: Response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'public, max-age=86400');
    response.sendFile(file);
  });
}
