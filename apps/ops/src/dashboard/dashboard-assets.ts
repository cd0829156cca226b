import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** No inline script or style, nothing from elsewhere, never framed. */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
].join('; ');

/**
 * Where the dashboard's files are: beside this file when run from the sources, copied beside
 * the bundle by the build, or in the repository when a bundle without them runs from its root.
 */
function dashboardDirectory(): string | undefined {
  return [
    join(__dirname, 'public'),
    join(__dirname, 'dashboard', 'public'),
    join(process.cwd(), 'apps', 'ops', 'src', 'dashboard', 'public'),
  ].find((candidate) => existsSync(join(candidate, 'index.html')));
}

/**
 * Serves the dashboard at `/`. Its files hold no data and are public; everything they show
 * comes from the API, which needs a signed-in operator.
 */
export function serveDashboard(app: NestExpressApplication): void {
  const directory = dashboardDirectory();
  if (!directory) {
    new Logger('Dashboard').error('dashboard files not found; only the API is served');
    return;
  }
  app.useStaticAssets(directory, {
    index: 'index.html',
    setHeaders: (response) => {
      response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      response.setHeader('X-Frame-Options', 'DENY');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      response.setHeader('Referrer-Policy', 'no-referrer');
      response.setHeader('Cache-Control', 'no-cache');
    },
  });
}
