import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';
import { newWebhookSecret } from './webhook-signature';

export interface WebhookSubscription {
  url: string;
  createdAt: string;
}

/**
 * Each client's callback URL and signing secret. The secret must be at hand to sign, so it is
 * stored sealed with the data key rather than hashed.
 */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** Registers or replaces the client's URL with a new secret, returned this once. */
  async register(
    tx: EntityManager,
    clientId: string,
    url: string,
  ): Promise<WebhookSubscription & { secret: string }> {
    const secret = newWebhookSecret();
    const [row] = await tx.query<{ created_at: Date }[]>(
      `INSERT INTO webhook_subscription (client_id, url, secret, created_at)
       VALUES ($1, $2, $3, now())
       ON CONFLICT (client_id) DO UPDATE
         SET url = EXCLUDED.url, secret = EXCLUDED.secret, created_at = EXCLUDED.created_at
       RETURNING created_at`,
      [clientId, url, this.cipher.seal(secret, SealingContexts.webhookSecret(clientId))],
    );
    return { url, secret, createdAt: row.created_at.toISOString() };
  }

  /** Removes the client's URL and cancels what was still to be delivered to it. */
  async remove(tx: EntityManager, clientId: string): Promise<boolean> {
    const [, removed] = await tx.query<[unknown[], number]>(
      `DELETE FROM webhook_subscription WHERE client_id = $1`,
      [clientId],
    );
    await tx.query(
      `UPDATE webhook_delivery SET state = 'cancelled', finished_at = now()
        WHERE client_id = $1 AND state = 'pending'`,
      [clientId],
    );
    return removed > 0;
  }

  async find(clientId: string): Promise<WebhookSubscription | undefined> {
    const [row] = await this.db.query<{ url: string; created_at: Date }[]>(
      `SELECT url, created_at FROM webhook_subscription WHERE client_id = $1`,
      [clientId],
    );
    return row && { url: row.url, createdAt: row.created_at.toISOString() };
  }

  /** The secret a subscription's deliveries are signed with. */
  openSecret(clientId: string, sealed: unknown): string {
    return this.cipher.open<string>(sealed, SealingContexts.webhookSecret(clientId));
  }
}
