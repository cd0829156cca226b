import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createAdapterApp } from '../../apps/adapter-disdukcapil/src/adapter.app';
import { withEnvironment } from './environment';

export interface RunningAdapter {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/** Starts the Disdukcapil adapter in this process against the real broker and database. */
export async function startDisdukcapilAdapter(
  env: Record<string, string>,
): Promise<RunningAdapter> {
  const app = await withEnvironment(env, async () => {
    const created = await createAdapterApp();
    await created.init();
    await created.startAllMicroservices();
    return created;
  });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
