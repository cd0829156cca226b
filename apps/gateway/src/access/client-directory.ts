import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccessRole, AuthenticatedClient } from './access-roles';
import { generateApiKey, hashApiKey, keyHint } from './api-key';

export interface ClientView {
  id: string;
  name: string;
  roles: AccessRole[];
  grants: string[];
  keys: { id: string; hint: string; createdAt: string; revokedAt: string | null }[];
  createdAt: string;
}

export interface IssuedKey {
  keyId: string;
  /** Shown once, never stored. */
  apiKey: string;
  hint: string;
}

/** Clients, their keys and grants, in the gateway's schema. Keys are stored as hashes only. */
@Injectable()
export class ClientDirectory {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The client a key belongs to, or undefined for an unknown or revoked key. */
  async authenticate(apiKey: string): Promise<AuthenticatedClient | undefined> {
    const rows: { id: string; roles: AccessRole[]; grants: string[]; key_id: string }[] =
      await this.db.query(
        `SELECT c.id, c.roles, k.id AS key_id,
                COALESCE(array_agg(g.service_pattern) FILTER (WHERE g.service_pattern IS NOT NULL), '{}') AS grants
           FROM client_key k
           JOIN client c ON c.id = k.client_id
           LEFT JOIN client_grant g ON g.client_id = c.id
          WHERE k.key_hash = $1 AND k.revoked_at IS NULL
          GROUP BY c.id, k.id`,
        [hashApiKey(apiKey)],
      );
    const [row] = rows;
    return row && { id: row.id, roles: row.roles, grants: row.grants, keyId: row.key_id };
  }

  async exists(clientId: string, db: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await db.query(`SELECT 1 FROM client WHERE id = $1`, [clientId]);
    return rows.length > 0;
  }

  async create(
    db: EntityManager,
    client: { id: string; name: string; roles: AccessRole[]; grants: string[] },
  ): Promise<void> {
    await db.query(`INSERT INTO client (id, name, roles) VALUES ($1, $2, $3)`, [
      client.id,
      client.name,
      client.roles,
    ]);
    await this.replaceGrants(db, client.id, client.grants);
  }

  async issueKey(
    db: EntityManager,
    clientId: string,
    apiKey = generateApiKey(),
  ): Promise<IssuedKey> {
    const keyId = randomUUID();
    const hint = keyHint(apiKey);
    await db.query(
      `INSERT INTO client_key (id, client_id, key_hash, hint) VALUES ($1, $2, $3, $4)`,
      [keyId, clientId, hashApiKey(apiKey), hint],
    );
    return { keyId, apiKey, hint };
  }

  /** Revokes at once: the next request with the key is refused. False when there was no such live key. */
  async revokeKey(db: EntityManager, clientId: string, keyId: string): Promise<boolean> {
    const [, affected] = await db.query<[unknown[], number]>(
      `UPDATE client_key SET revoked_at = now()
        WHERE id = $1 AND client_id = $2 AND revoked_at IS NULL`,
      [keyId, clientId],
    );
    return affected > 0;
  }

  async replaceGrants(db: EntityManager, clientId: string, patterns: string[]): Promise<void> {
    await db.query(`DELETE FROM client_grant WHERE client_id = $1`, [clientId]);
    for (const pattern of new Set(patterns)) {
      await db.query(`INSERT INTO client_grant (client_id, service_pattern) VALUES ($1, $2)`, [
        clientId,
        pattern,
      ]);
    }
  }

  async view(
    clientId: string,
    db: EntityManager = this.db.manager,
  ): Promise<ClientView | undefined> {
    const [client] = await db.query<
      { id: string; name: string; roles: AccessRole[]; created_at: Date }[]
    >(`SELECT id, name, roles, created_at FROM client WHERE id = $1`, [clientId]);
    if (!client) return undefined;
    const grants = await db.query<{ service_pattern: string }[]>(
      `SELECT service_pattern FROM client_grant WHERE client_id = $1 ORDER BY service_pattern`,
      [clientId],
    );
    const keys = await db.query<
      { id: string; hint: string; created_at: Date; revoked_at: Date | null }[]
    >(
      `SELECT id, hint, created_at, revoked_at FROM client_key WHERE client_id = $1 ORDER BY created_at`,
      [clientId],
    );
    return {
      id: client.id,
      name: client.name,
      roles: client.roles,
      grants: grants.map((grant) => grant.service_pattern),
      keys: keys.map((key) => ({
        id: key.id,
        hint: key.hint,
        createdAt: key.created_at.toISOString(),
        revokedAt: key.revoked_at?.toISOString() ?? null,
      })),
      createdAt: client.created_at.toISOString(),
    };
  }

  async list(): Promise<string[]> {
    const rows = await this.db.query<{ id: string }[]>(`SELECT id FROM client ORDER BY id`);
    return rows.map((row) => row.id);
  }
}
