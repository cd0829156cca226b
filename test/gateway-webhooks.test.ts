import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApplicationStatus } from '@mpp/contracts';
import type { Kafka } from 'kafkajs';
import {
  WEBHOOK_REPLAY_WINDOW_SECONDS,
  WebhookHeaders,
  webhookSignature,
} from '../apps/gateway/src/webhooks/webhook-signature';
import type { WebhookStatusChanged } from '../apps/gateway/src/webhooks/webhook-queue';
import {
  applyAgencyStatuses,
  submitTestApplication,
  TEST_APPLICANT,
} from './support/test-applications';
import { withDatabase } from './support/database';
import { startGateway, type GatewayClient, type RunningGateway } from './support/gateway-harness';
import { testKafka } from './support/kafka-probe';
import { announceService, testServiceDescriptor, withdrawService } from './support/registry';
import { waitFor } from './support/wait-for';

const agency = `kabar${randomUUID().slice(0, 6)}`;
const service = testServiceDescriptor(agency);
const { nik: NIK, name: NAME } = TEST_APPLICANT;

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
  body: WebhookStatusChanged;
  answeredWith: number;
}

/**
 * A client's webhook endpoint on this machine. It answers 200 unless told otherwise for the next
 * requests; `'hang'` never answers.
 */
class WebhookReceiver {
  readonly received: Received[] = [];
  private readonly planned: (number | 'hang')[] = [];
  private readonly server: Server;
  url = '';

  constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const answer = this.planned.shift() ?? 200;
        const raw = Buffer.concat(chunks).toString('utf8');
        this.received.push({
          headers: request.headers,
          raw,
          body: JSON.parse(raw),
          answeredWith: answer === 'hang' ? 0 : answer,
        });
        if (answer !== 'hang') response.writeHead(answer).end();
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/mpp-webhook`;
    return this;
  }

  answerNext(...answers: (number | 'hang')[]): void {
    this.planned.push(...answers);
  }

  /** What it accepted, in the order it accepted it. */
  accepted(applicationId?: string): WebhookStatusChanged[] {
    return this.received
      .filter((each) => each.answeredWith === 200)
      .map((each) => each.body)
      .filter((body) => !applicationId || body.applicationId === applicationId);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('gateway webhooks: signed status changes, retried in order', () => {
  let kafka: Kafka;
  let gateway: RunningGateway;
  /** A second dispatcher, competing for the same queue. */
  let second: RunningGateway;
  const receivers: WebhookReceiver[] = [];

  const register = async (as: GatewayClient, url: string) => {
    const response = await gateway.fetch(
      '/v1/webhook',
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ url }),
      },
      as,
    );
    return { status: response.status, body: (await response.json()) as any };
  };
  const receiverFor = async (as: GatewayClient) => {
    const receiver = await new WebhookReceiver().start();
    receivers.push(receiver);
    const registered = await register(as, receiver.url);
    expect(registered.status).toBe(200);
    return { receiver, secret: registered.body.secret as string };
  };
  const submit = (as: GatewayClient) => submitTestApplication(gateway, service.code, { as });
  const report = (id: string, ...statuses: ApplicationStatus[]) =>
    applyAgencyStatuses(gateway, service.code, id, statuses, { agencyReference: 'REF-1' });
  const deliveries = (applicationId: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT d.state, d.attempts, array_agg(a.status_code ORDER BY a.id) AS answers
           FROM gateway.webhook_delivery d LEFT JOIN gateway.webhook_attempt a ON a.delivery_id = d.id
          WHERE d.application_id = $1 GROUP BY d.id ORDER BY d.id`,
        [applicationId],
      );
      return rows as { state: string; attempts: number; answers: (number | null)[] }[];
    });

  beforeAll(async () => {
    kafka = testKafka();
    await announceService(kafka, service);
    const quickRetries = {
      WEBHOOK_POLL_INTERVAL_MS: '50',
      WEBHOOK_RETRY_BASE_MS: '100',
      WEBHOOK_RETRY_MAX_MS: '400',
      WEBHOOK_TIMEOUT_MS: '500',
    };
    gateway = await startGateway({ GATEWAY_ROLES: 'api,catalog,webhooks', ...quickRetries });
    second = await startGateway({ GATEWAY_ROLES: 'api,webhooks', ...quickRetries });
    await gateway.waitForServices(service.code);
  }, 60000);

  afterAll(async () => {
    await withdrawService(kafka, service.code);
    await gateway?.close();
    await second?.close();
    await Promise.all(receivers.map((receiver) => receiver.stop()));
  }, 30000);

  it('POSTs each status change with a signature the secret verifies, and no personal data', async () => {
    const client = await gateway.createClient(['client'], ['*']);
    const { receiver, secret } = await receiverFor(client);
    expect(secret).toMatch(/^whsec_/);
    const { id, trackingNumber } = await submit(client);
    await report(id, 'DELIVERED');

    const [delivery] = await waitFor(() => receiver.received.length > 0 && receiver.received, {
      what: 'the webhook delivery',
    });
    expect(delivery.body).toEqual({
      id: delivery.headers[WebhookHeaders.delivery],
      type: 'application.status-changed',
      applicationId: id,
      trackingNumber,
      serviceCode: service.code,
      status: 'DELIVERED',
      reason: null,
      agencyReference: 'REF-1',
      occurredAt: expect.any(String),
    });
    expect(delivery.headers['content-type']).toBe('application/json');
    const timestamp = Number(delivery.headers[WebhookHeaders.timestamp]);
    expect(Math.abs(Date.now() / 1000 - timestamp)).toBeLessThan(WEBHOOK_REPLAY_WINDOW_SECONDS);
    expect(delivery.headers[WebhookHeaders.signature]).toBe(
      webhookSignature(secret, timestamp, delivery.raw),
    );
    expect(delivery.headers[WebhookHeaders.signature]).not.toBe(
      webhookSignature(secret, timestamp, delivery.raw.replace('DELIVERED', 'APPROVED')),
    );
    expect(delivery.raw).not.toContain(NIK);
    expect(delivery.raw).not.toContain(NAME);
  });

  it('retries a 500 and a timeout, then delivers once, recording every attempt', async () => {
    const client = await gateway.createClient(['client'], ['*']);
    const { receiver } = await receiverFor(client);
    const { id } = await submit(client);
    receiver.answerNext(500, 'hang');
    await report(id, 'DELIVERED');

    await waitFor(async () => (await deliveries(id))[0]?.state === 'delivered', {
      what: 'the delivery after two failed attempts',
    });
    expect(await deliveries(id)).toEqual([
      { state: 'delivered', attempts: 3, answers: [500, null, 200] },
    ]);
    const ids = new Set(receiver.received.map((each) => each.headers[WebhookHeaders.delivery]));
    expect(ids.size).toBe(1);
    expect(receiver.accepted()).toHaveLength(1);
  });

  it("keeps each application's changes in order, a failure holding back the later ones", async () => {
    const client = await gateway.createClient(['client'], ['*']);
    const { receiver } = await receiverFor(client);
    const first = await submit(client);
    const second = await submit(client);
    receiver.answerNext(503);
    await report(first.id, 'DELIVERED', 'IN_PROCESS', 'APPROVED', 'COMPLETED');
    await report(second.id, 'DELIVERED', 'IN_PROCESS');

    await waitFor(
      () => receiver.accepted(first.id).length === 4 && receiver.accepted(second.id).length === 2,
      { what: 'every change of both applications' },
    );
    expect(receiver.accepted(first.id).map((body) => body.status)).toEqual([
      'DELIVERED',
      'IN_PROCESS',
      'APPROVED',
      'COMPLETED',
    ]);
    expect(receiver.accepted(second.id).map((body) => body.status)).toEqual([
      'DELIVERED',
      'IN_PROCESS',
    ]);
  });

  it("never sends a client another client's applications", async () => {
    const one = await gateway.createClient(['client'], ['*']);
    const other = await gateway.createClient(['client'], ['*']);
    const silent = await gateway.createClient(['client'], ['*']);
    const { receiver: oneReceiver } = await receiverFor(one);
    const { receiver: otherReceiver } = await receiverFor(other);
    const mine = await submit(one);
    const theirs = await submit(other);
    const unsubscribed = await submit(silent);
    await report(mine.id, 'DELIVERED');
    await report(theirs.id, 'DELIVERED');
    await report(unsubscribed.id, 'DELIVERED');

    await waitFor(
      () => oneReceiver.accepted().length === 1 && otherReceiver.accepted().length === 1,
      { what: 'one delivery to each client' },
    );
    expect(oneReceiver.accepted().map((body) => body.applicationId)).toEqual([mine.id]);
    expect(otherReceiver.accepted().map((body) => body.applicationId)).toEqual([theirs.id]);
    expect(await deliveries(unsubscribed.id)).toEqual([]);
  });

  it('stops delivering once the webhook is removed, pending retries included', async () => {
    const client = await gateway.createClient(['client'], ['*']);
    const { receiver } = await receiverFor(client);
    const { id } = await submit(client);
    receiver.answerNext(...Array<number>(100).fill(500));
    await report(id, 'DELIVERED');
    await waitFor(async () => (await deliveries(id))[0]?.attempts >= 1, {
      what: 'a first, failed attempt',
    });

    const removed = await gateway.fetch('/v1/webhook', { method: 'DELETE' }, client);
    expect(removed.status).toBe(204);
    await report(id, 'IN_PROCESS');
    // The pending delivery is cancelled for good, and the next change is not queued at all.
    const [only, ...none] = await deliveries(id);
    expect(only.state).toBe('cancelled');
    expect(none).toEqual([]);
    expect(receiver.accepted()).toEqual([]);
    expect((await gateway.fetch('/v1/webhook', {}, client)).status).toBe(404);
    expect((await gateway.fetch('/v1/webhook', { method: 'DELETE' }, client)).status).toBe(404);
  });

  it('shows the registration without its secret, and records it in the audit log', async () => {
    const client = await gateway.createClient(['client'], ['*']);
    const url = 'http://localhost:9/hook?token=private';
    expect((await register(client, url)).status).toBe(200);
    const shown = await gateway.fetch('/v1/webhook', {}, client);
    expect(await shown.json()).toEqual({ url, createdAt: expect.any(String) });
    const audit = await withDatabase((db) =>
      db.query(
        `SELECT actor, action, detail FROM gateway.audit_record WHERE subject = $1 ORDER BY id`,
        [`client:${client.id}`],
      ),
    );
    expect(audit.rows.at(-1)).toEqual({
      actor: `client:${client.id}`,
      action: 'client.webhook-registered',
      detail: { origin: 'http://localhost:9' },
    });
  });

  it.each([
    ['another scheme', 'ftp://localhost/hook'],
    ['plain http to another host', 'http://kiosk.batam.go.id/hook'],
    ['credentials in the URL', 'https://user:secret@kiosk.batam.go.id/hook'],
    ['no URL', 'kiosk'],
  ])('refuses %s', async (_case, url) => {
    const answer = await register(gateway.client, url);
    expect(answer.status).toBe(400);
    expect(answer.body.type).toBe('/problems/validation-failed');
    expect(answer.body.errors[0]).toMatchObject({ field: 'url', code: 'webhookUrl' });
  });
});
