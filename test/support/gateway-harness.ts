import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';
import { withEnvironment } from './environment';

export interface RunningGateway {
  app: NestExpressApplication;
  url: string;
  instanceId: string;
  close(): Promise<void>;
}

/** Starts a gateway in this process against the real broker and database. */
export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const instanceId = env.GATEWAY_INSTANCE_ID ?? `test-gateway-${randomUUID().slice(0, 8)}`;
  const app = await withEnvironment(
    { GATEWAY_INSTANCE_ID: instanceId, OUTBOX_POLL_INTERVAL_MS: '100', ...env },
    createGatewayApp,
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, instanceId, close: () => app.close() };
}
