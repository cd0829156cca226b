import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { EntityManager } from 'typeorm';
import type { GatewayConfig } from '../config/gateway.config';
import { PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';
import { Problems } from '../problems/problem';

/**
 * The first 202 answer given to a client's Idempotency-Key, kept with a hash of the request it
 * answered. Both methods run in the caller's transaction, beside the change they answer for.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly config: ConfigService<GatewayConfig, true>,
    private readonly cipher: PersonalDataCipher,
  ) {}

  /** The earlier answer to this key; a different request under the same key is refused. */
  async earlierAnswer<T>(
    db: EntityManager,
    clientId: string,
    key: string,
    requestHash: string,
  ): Promise<T | undefined> {
    const rows: { request_hash: string; response_body: T }[] = await db.query(
      `SELECT request_hash, response_body FROM idempotency_record
        WHERE client_id = $1 AND key = $2 AND expires_at > now()`,
      [clientId, key],
    );
    if (rows.length === 0) return undefined;
    if (rows[0].request_hash !== requestHash) throw Problems.idempotencyConflict();
    return this.cipher.open<T>(
      rows[0].response_body,
      SealingContexts.idempotentAnswer(clientId, key),
    );
  }

  async remember(
    db: EntityManager,
    clientId: string,
    key: string,
    requestHash: string,
    answer: object,
    now: Date,
  ): Promise<void> {
    const ttlHours = this.config.get('IDEMPOTENCY_TTL_HOURS', { infer: true });
    const expiresAt = new Date(now.getTime() + ttlHours * 3600_000);
    // Two requests with the same key racing: the loser's transaction fails here and rolls back.
    const stored: unknown[] = await db.query(
      `INSERT INTO idempotency_record (client_id, key, request_hash, response_status, response_body,
         created_at, expires_at)
       VALUES ($1, $2, $3, 202, $4, $5, $6)
       ON CONFLICT (client_id, key) DO UPDATE
         SET request_hash = EXCLUDED.request_hash, response_body = EXCLUDED.response_body,
             created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at
         WHERE idempotency_record.expires_at <= now()
       RETURNING key`,
      [
        clientId,
        key,
        requestHash,
        this.cipher.seal(answer, SealingContexts.idempotentAnswer(clientId, key)),
        now,
        expiresAt,
      ],
    );
    if (stored.length === 0) throw new ConcurrentIdempotentRequest();
  }
}

/** Another request with the same Idempotency-Key committed first; the caller retries once. */
export class ConcurrentIdempotentRequest extends Error {}
