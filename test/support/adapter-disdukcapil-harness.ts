import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createAdapterApp } from '../../apps/adapter-disdukcapil/src/adapter.app';

export interface RunningAdapter {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the Disdukcapil adapter in this process against the real broker and database. */
export async function startDisdukcapilAdapter(
  env: Record<string, string>,
): Promise<RunningAdapter> {
  const previous = { ...process.env };
  Object.assign(process.env, { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env });
  try {
    const app = await createAdapterApp();
    await app.init();
    await app.startAllMicroservices();
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as AddressInfo;
    return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
  } finally {
    process.env = previous;
  }
}
