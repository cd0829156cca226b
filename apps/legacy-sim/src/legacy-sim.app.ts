import type { AddressInfo } from 'node:net';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import {
  LEGACY_SIM_CONFIG,
  type LegacySimConfig,
  type LegacySimEnvOverrides,
} from './config/legacy-sim.config';
import { LegacySimModule } from './legacy-sim.module';

export interface RunningLegacySim {
  app: NestExpressApplication;
  /** http://127.0.0.1:<port>, whatever host it listens on. */
  baseUrl: string;
  close(): Promise<void>;
}

const XML_MEDIA_TYPES = ['text/xml', 'application/xml', 'application/soap+xml'];

/** Builds and starts the simulator; `main.ts` and the tests share it. Port 0 picks a free one. */
export async function createLegacySimApp(
  overrides: LegacySimEnvOverrides = {},
): Promise<RunningLegacySim> {
  const app = await NestFactory.create<NestExpressApplication>(LegacySimModule.forRoot(overrides), {
    bufferLogs: true,
    forceCloseConnections: true,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('text', { type: XML_MEDIA_TYPES, limit: '2mb' });
  const config = app.get<LegacySimConfig>(LEGACY_SIM_CONFIG);
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}
