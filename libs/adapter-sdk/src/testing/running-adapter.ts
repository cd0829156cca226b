import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createAdapterApp } from '../adapter-app';
import type { AdapterModuleOptions } from '../adapter-sdk.module';
import { withEnvironment } from './environment';

export interface RunningAdapter {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an adapter in this process against the real broker and database, on `ADAPTER_PORT`
 * when given (an agency whose legacy system calls back needs to know it), else on a free port.
 */
export async function startAdapter(
  options: AdapterModuleOptions,
  env: Record<string, string>,
): Promise<RunningAdapter> {
  const app = await withEnvironment(env, async () => {
    const { app: created } = await createAdapterApp(options);
    await created.init();
    await created.startAllMicroservices();
    return created;
  });
  await app.listen(Number(env.ADAPTER_PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
