import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { OpsConfig } from '../config/ops.config';
import type { AuthenticatedOperator, Operator } from './operator';
import { newSessionToken, secretHash } from './secrets';

export interface OpenedSession {
  token: string;
  expiresAt: Date;
}

/**
 * Dashboard sessions, opened by signing in with an API key. A session lives no longer than the
 * key it was opened with: revoking the key ends it.
 */
@Injectable()
export class OperatorSessions {
  private readonly ttlMinutes: number;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    config: ConfigService<OpsConfig, true>,
  ) {
    this.ttlMinutes = config.get('OPS_SESSION_TTL_MINUTES', { infer: true });
  }

  async open(operator: AuthenticatedOperator): Promise<OpenedSession> {
    const { token, hash } = newSessionToken();
    const [{ expires_at }]: { expires_at: Date }[] = await this.db.query(
      `INSERT INTO operator_session (token_hash, api_key_id, created_at, expires_at)
       VALUES ($1, $2, now(), now() + $3 * interval '1 minute')
       RETURNING expires_at`,
      [hash, operator.apiKeyId, this.ttlMinutes],
    );
    // Sign-ins are rare; tidying up expired sessions then costs nothing noticeable.
    await this.db.query(`DELETE FROM operator_session WHERE expires_at < now() - interval '1 day'`);
    return { token, expiresAt: expires_at };
  }

  async authenticate(token: string): Promise<AuthenticatedOperator | undefined> {
    const rows: (Operator & { apiKeyId: string })[] = await this.db.query(
      `SELECT o.id, o.name, o.role, k.id AS "apiKeyId"
         FROM operator_session s
         JOIN operator_api_key k ON k.id = s.api_key_id
         JOIN operator o ON o.id = k.operator_id
        WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now()
          AND k.revoked_at IS NULL`,
      [secretHash(token)],
    );
    return rows[0] && { ...rows[0], via: 'session' };
  }

  async end(token: string): Promise<void> {
    await this.db.query(
      `UPDATE operator_session SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL`,
      [secretHash(token)],
    );
  }
}
