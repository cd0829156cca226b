import { randomBytes, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Topics } from '@mpp/contracts';
import { createGatewayApp } from '../../apps/gateway/src/gateway.app';
import { withEnvironment } from './environment';
import { waitFor } from './wait-for';
import { startGroupAtEnd, testKafka } from './kafka-probe';

export interface GatewayClient {
  id: string;
  apiKey: string;
}

export interface RunningGateway {
  app: NestExpressApplication;
  url: string;
  instanceId: string;
  /** The administrator (roles admin and ops), from GATEWAY_ADMIN_KEY. */
  admin: GatewayClient;
  /** A front-end client granted every service (`*`). */
  client: GatewayClient;
  /** `fetch` of a gateway path as `client`, or as whoever's key is given. */
  fetch(path: string, init?: RequestInit, as?: GatewayClient): Promise<Response>;
  /** Creates another client through the admin API. */
  createClient(roles: string[], grants: string[]): Promise<GatewayClient>;
  /** Resolves once the catalog lists every service named (announced on `mpp.registry`). */
  waitForServices(...codes: string[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts a gateway in this process against the real broker and database, with an administrator
 * and a client granted every service, since every API route needs a key.
 */
export async function startGateway(env: Record<string, string> = {}): Promise<RunningGateway> {
  const instanceId = env.GATEWAY_INSTANCE_ID ?? `test-gateway-${randomUUID().slice(0, 8)}`;
  const adminKey = env.GATEWAY_ADMIN_KEY ?? `mpp_test-admin-${randomBytes(16).toString('hex')}`;
  // A test's own status group sees the reports sent from now on, not the broker's backlog.
  if (env.GATEWAY_STATUS_GROUP_ID) {
    await startGroupAtEnd(testKafka(), env.GATEWAY_STATUS_GROUP_ID, [Topics.status]);
  }
  const app = await withEnvironment(
    {
      GATEWAY_INSTANCE_ID: instanceId,
      GATEWAY_ADMIN_KEY: adminKey,
      OUTBOX_POLL_INTERVAL_MS: '100',
      ...env,
    },
    createGatewayApp,
  );
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const admin: GatewayClient = { id: 'admin', apiKey: adminKey };
  const fetchAs = (path: string, init: RequestInit = {}, as: GatewayClient = admin) =>
    fetch(`${url}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${as.apiKey}`, ...(init.headers as object) },
    });
  const createClient = async (roles: string[], grants: string[]): Promise<GatewayClient> => {
    const id = `test-client-${randomUUID().slice(0, 8)}`;
    const response = await fetchAs('/v1/admin/clients', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id, name: 'Test front-end', roles, grants }),
    });
    if (response.status !== 201) throw new Error(`creating a client answered ${response.status}`);
    return { id, apiKey: ((await response.json()) as { apiKey: string }).apiKey };
  };
  const client = await createClient(['client'], ['*']);
  return {
    app,
    url,
    instanceId,
    admin,
    client,
    fetch: (path, init, as = client) => fetchAs(path, init, as),
    createClient,
    waitForServices: async (...codes) => {
      for (const code of codes) {
        await waitFor(async () => (await fetchAs(`/v1/services/${code}`, {}, client)).ok, {
          what: `${code} in the catalog`,
        });
      }
    },
    close: () => app.close(),
  };
}
