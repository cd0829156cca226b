import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { appendAuditRecord } from '@mpp/audit';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditActions, auditActorOf, AuditSubjects } from '../audit/audit-actions';
import { Problems } from '../problems/problem';
import type { AuthenticatedOperator, Operator, OperatorRole } from './operator';
import { isApiKeyShaped, newApiKey, secretHash } from './secrets';

export interface ApiKeyView {
  id: string;
  hint: string;
  label: string | null;
  createdAt: Date;
  createdBy: string;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

export interface OperatorView extends Operator {
  createdAt: Date;
  createdBy: string;
  keys: ApiKeyView[];
}

/** A key just issued: `apiKey` is shown this once and never stored. */
export interface IssuedApiKey {
  id: string;
  hint: string;
  label: string | null;
  apiKey: string;
}

/** `last_used_at` is a hint for operators, not an audit log: at most one write a minute per key. */
const LAST_USED_PRECISION = '1 minute';

/** Operators and their API keys; only a SHA-256 of each key is kept. */
@Injectable()
export class OperatorDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(
    name: string,
    role: OperatorRole,
    createdBy: string,
  ): Promise<{ operator: Operator; key: IssuedApiKey }> {
    return this.db.transaction(async (tx) => {
      const operator: Operator = { id: randomUUID(), name, role };
      const inserted: unknown[] = await tx.query(
        `INSERT INTO operator (id, name, role, created_at, created_by)
         VALUES ($1, $2, $3, now(), $4)
         ON CONFLICT (name) DO NOTHING RETURNING id`,
        [operator.id, name, role, createdBy],
      );
      if (inserted.length === 0) throw Problems.operatorExists(name);
      await appendAuditRecord(tx, {
        actor: auditActorOf(createdBy),
        action: AuditActions.operatorCreated,
        subject: AuditSubjects.operator(operator.id),
        detail: { name, role },
      });
      return { operator, key: await this.insertKey(tx, operator.id, null, createdBy) };
    });
  }

  async issueKey(
    operatorId: string,
    label: string | null,
    createdBy: string,
  ): Promise<IssuedApiKey | undefined> {
    return this.db.transaction(async (tx) => {
      const found: unknown[] = await tx.query(`SELECT 1 FROM operator WHERE id = $1 FOR SHARE`, [
        operatorId,
      ]);
      return found.length > 0 ? this.insertKey(tx, operatorId, label, createdBy) : undefined;
    });
  }

  /** Revokes a key at once: requests and sessions made with it are refused from now on. */
  async revokeKey(operatorId: string, keyId: string, revokedBy: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const [, revoked]: [unknown, number] = await tx.query(
        `UPDATE operator_api_key SET revoked_at = coalesce(revoked_at, now())
          WHERE id = $1 AND operator_id = $2`,
        [keyId, operatorId],
      );
      if (revoked === 0) return false;
      await appendAuditRecord(tx, {
        actor: auditActorOf(revokedBy),
        action: AuditActions.keyRevoked,
        subject: AuditSubjects.operator(operatorId),
        detail: { keyId },
      });
      return true;
    });
  }

  async byName(name: string): Promise<Operator | undefined> {
    const rows: Operator[] = await this.db.query(
      `SELECT id, name, role FROM operator WHERE name = $1`,
      [name],
    );
    return rows[0];
  }

  async list(): Promise<OperatorView[]> {
    const operators: Omit<OperatorView, 'keys'>[] = await this.db.query(
      `SELECT id, name, role, created_at AS "createdAt", created_by AS "createdBy"
         FROM operator ORDER BY name`,
    );
    const keys: (ApiKeyView & { operatorId: string })[] = await this.db.query(
      `SELECT id, operator_id AS "operatorId", hint, label, created_at AS "createdAt",
              created_by AS "createdBy", revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"
         FROM operator_api_key ORDER BY created_at`,
    );
    return operators.map((operator) => ({
      ...operator,
      keys: keys
        .filter((key) => key.operatorId === operator.id)
        .map(({ operatorId: _operatorId, ...key }) => key),
    }));
  }

  /** The operator a valid, unrevoked API key belongs to. */
  async authenticate(apiKey: string): Promise<AuthenticatedOperator | undefined> {
    if (!isApiKeyShaped(apiKey)) return undefined;
    const rows: (Operator & { apiKeyId: string })[] = await this.db.query(
      `SELECT o.id, o.name, o.role, k.id AS "apiKeyId"
         FROM operator_api_key k JOIN operator o ON o.id = k.operator_id
        WHERE k.key_hash = $1 AND k.revoked_at IS NULL`,
      [secretHash(apiKey)],
    );
    const found = rows[0];
    if (!found) return undefined;
    await this.db.query(
      `UPDATE operator_api_key SET last_used_at = now()
        WHERE id = $1
          AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_PRECISION}')`,
      [found.apiKeyId],
    );
    return { ...found, via: 'api-key' };
  }

  private async insertKey(
    tx: EntityManager,
    operatorId: string,
    label: string | null,
    createdBy: string,
  ): Promise<IssuedApiKey> {
    const { key, hash, hint } = newApiKey();
    const id = randomUUID();
    await tx.query(
      `INSERT INTO operator_api_key (id, operator_id, key_hash, hint, label, created_at, created_by)
       VALUES ($1, $2, $3, $4, $5, now(), $6)`,
      [id, operatorId, hash, hint, label, createdBy],
    );
    await appendAuditRecord(tx, {
      actor: auditActorOf(createdBy),
      action: AuditActions.keyIssued,
      subject: AuditSubjects.operator(operatorId),
      detail: { keyId: id, hint },
    });
    return { id, hint, label, apiKey: key };
  }
}
