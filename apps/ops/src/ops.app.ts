import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { acceptJsonBodies, answerMalformedHttpAsProblems, validationProblem } from '@mpp/problems';
import { Logger } from 'nestjs-pino';
import { serveDashboard } from './dashboard/dashboard-assets';
import { OpsModule } from './ops.module';
import { serveChartLibrary } from './reports/chart-library';

const BODY_LIMIT = '64kb';

/** Builds the ops app; main.ts and the tests both start it through here. */
export async function createOpsApp(): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(OpsModule.register(), {
    bufferLogs: true,
    bodyParser: false,
    // Open dashboards hold their event streams; a shutdown must not wait for them.
    forceCloseConnections: true,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  acceptJsonBodies(app, { limit: BODY_LIMIT });
  answerMalformedHttpAsProblems(app.getHttpServer());
  app.enableShutdownHooks();
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      exceptionFactory: validationProblem,
    }),
  );
  serveDashboard(app);
  serveChartLibrary(app);
  return app;
}
