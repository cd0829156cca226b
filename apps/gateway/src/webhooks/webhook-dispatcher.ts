import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { GatewayConfig } from '../config/gateway.config';
import { webhookRetryDelayMs } from './webhook-retry-delay';
import { postWebhook, type WebhookAnswer } from './webhook-sender';
import { WebhookHeaders, webhookSignature } from './webhook-signature';
import { WebhookSubscriptions } from './webhook-subscriptions';

const BATCH = 20;
/** A claimed delivery is left alone this long beyond its timeout before another instance retries it. */
const LEASE_MARGIN_MS = 60_000;

interface ClaimedDelivery {
  id: string;
  event_id: string;
  client_id: string;
  payload: Record<string, unknown>;
  attempts: number;
  url: string;
  secret: unknown;
}

/**
 * Delivers queued webhooks. Several gateways can dispatch at once: a due delivery is claimed with
 * SKIP LOCKED and leased (its next attempt moved past the request timeout), then POSTed outside
 * any transaction, and its attempt recorded. A delivery is only due when no earlier one of the
 * same application is still pending, so each application's changes arrive in order; a failed
 * attempt holds the later ones back until it succeeds or is given up. A gateway that dies while
 * posting leaves the lease to run out, and the delivery is sent again: at least once.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private running = false;
  private timer?: NodeJS.Timeout;
  private pass?: Promise<void>;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly subscriptions: WebhookSubscriptions,
    private readonly config: ConfigService<GatewayConfig, true>,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.get('GATEWAY_ROLES', { infer: true }).includes('webhooks')) return;
    this.running = true;
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }

  /** Sends what is due now; returns how many deliveries were attempted. */
  async dispatchOnce(): Promise<number> {
    const claimed = await this.claimDue();
    await Promise.all(claimed.map((delivery) => this.deliver(delivery)));
    return claimed.length;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.pass = this.dispatchOnce().then(
        // A delivery just made lets the application's next one go at once.
        (attempted) => this.next(attempted > 0 ? 0 : undefined),
        (error: unknown) => {
          this.logger.warn(`webhook dispatch failed: ${String(error)}`);
          this.next();
        },
      );
    }, delayMs);
  }

  private next(delayMs = this.config.get('WEBHOOK_POLL_INTERVAL_MS', { infer: true })): void {
    if (this.running) this.schedule(delayMs);
  }

  private async claimDue(): Promise<ClaimedDelivery[]> {
    const leaseMs = this.config.get('WEBHOOK_TIMEOUT_MS', { infer: true }) + LEASE_MARGIN_MS;
    // TypeORM answers an UPDATE with its rows and their count.
    const [claimed] = await this.db.query<[ClaimedDelivery[], number]>(
      `WITH due AS (
         SELECT d.id FROM webhook_delivery d
          WHERE d.state = 'pending' AND d.next_attempt_at <= now()
            AND NOT EXISTS (
              SELECT 1 FROM webhook_delivery earlier
               WHERE earlier.application_id = d.application_id
                 AND earlier.state = 'pending'
                 AND earlier.id < d.id)
          ORDER BY d.id
          LIMIT $1
          FOR UPDATE SKIP LOCKED)
       UPDATE webhook_delivery d
          SET next_attempt_at = now() + make_interval(secs => $2::float8 / 1000)
         FROM due, webhook_subscription s
        WHERE d.id = due.id AND s.client_id = d.client_id
       RETURNING d.id, d.event_id, d.client_id, d.payload, d.attempts, s.url, s.secret`,
      [BATCH, leaseMs],
    );
    return claimed;
  }

  private async deliver(delivery: ClaimedDelivery): Promise<void> {
    let answer: WebhookAnswer;
    try {
      answer = await this.post(delivery);
    } catch (error) {
      answer = { error: String(error), durationMs: 0 };
    }
    try {
      await this.recordAttempt(delivery, answer);
    } catch (error) {
      // The lease runs out and the delivery is attempted again.
      this.logger.warn(`webhook attempt of ${delivery.event_id} not recorded: ${String(error)}`);
    }
  }

  private post(delivery: ClaimedDelivery): Promise<WebhookAnswer> {
    const body = JSON.stringify(delivery.payload);
    const timestamp = Math.floor(Date.now() / 1000);
    const secret = this.subscriptions.openSecret(delivery.client_id, delivery.secret);
    return postWebhook({
      url: delivery.url,
      body,
      headers: {
        'content-type': 'application/json',
        'user-agent': 'mpp-gateway-webhooks',
        [WebhookHeaders.timestamp]: String(timestamp),
        [WebhookHeaders.signature]: webhookSignature(secret, timestamp, body),
        [WebhookHeaders.delivery]: delivery.event_id,
      },
      timeoutMs: this.config.get('WEBHOOK_TIMEOUT_MS', { infer: true }),
      production: this.config.get('NODE_ENV', { infer: true }) === 'production',
    });
  }

  private async recordAttempt(delivery: ClaimedDelivery, answer: WebhookAnswer): Promise<void> {
    const attempts = delivery.attempts + 1;
    const delivered =
      answer.statusCode !== undefined && answer.statusCode < 300 && answer.statusCode >= 200;
    const givenUp =
      !delivered && attempts >= this.config.get('WEBHOOK_MAX_ATTEMPTS', { infer: true });
    const retryInMs = webhookRetryDelayMs(
      attempts,
      this.config.get('WEBHOOK_RETRY_BASE_MS', { infer: true }),
      this.config.get('WEBHOOK_RETRY_MAX_MS', { infer: true }),
    );
    const state = delivered ? 'delivered' : givenUp ? 'failed' : 'pending';
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO webhook_attempt (delivery_id, attempted_at, url, status_code, error, duration_ms)
         VALUES ($1, now(), $2, $3, $4, $5)`,
        [
          delivery.id,
          delivery.url,
          answer.statusCode ?? null,
          answer.error?.slice(0, 1000) ?? null,
          answer.durationMs,
        ],
      );
      await tx.query(
        `UPDATE webhook_delivery
            SET attempts = $2, state = $3,
                next_attempt_at = now() + make_interval(secs => $4::float8 / 1000),
                finished_at = CASE WHEN $3 = 'pending' THEN NULL ELSE now() END
          WHERE id = $1 AND state = 'pending'`,
        [delivery.id, attempts, state, retryInMs],
      );
    });
    if (givenUp) {
      this.logger.warn(
        `webhook delivery ${delivery.event_id} to client ${delivery.client_id} given up after ${attempts} attempts`,
      );
    }
  }
}
