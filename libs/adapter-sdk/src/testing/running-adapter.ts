import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Topics } from '@mpp/contracts';
import { createAdapterApp } from '../adapter-app';
import type { AdapterModuleOptions } from '../adapter-sdk.module';
import { withEnvironment } from './environment';
import { startNewGroupAtEnd, testKafka } from './kafka-probe';

export interface RunningAdapter {
  app: NestExpressApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Starts an adapter in this process against the real broker and database, on `ADAPTER_PORT`
 * when given (an agency whose legacy system calls back needs to know it), else on a free port.
 * Its consumer group (`ADAPTER_GROUP_ID`, else one of its own) starts, when new, at the end of
 * the agency topic: on a shared broker the topic holds what earlier runs and other users left.
 */
export async function startAdapter(
  options: AdapterModuleOptions,
  env: Record<string, string>,
): Promise<RunningAdapter> {
  const { agency } = options.definition;
  const groupId = env.ADAPTER_GROUP_ID ?? `test-adapter-${agency}-${randomUUID().slice(0, 8)}`;
  await startNewGroupAtEnd(testKafka(), groupId, [Topics.applicationsOf(agency)]);
  const app = await withEnvironment({ ...env, ADAPTER_GROUP_ID: groupId }, async () => {
    const { app: created } = await createAdapterApp(options);
    await created.init();
    await created.startAllMicroservices();
    return created;
  });
  await app.listen(Number(env.ADAPTER_PORT ?? 0), '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
