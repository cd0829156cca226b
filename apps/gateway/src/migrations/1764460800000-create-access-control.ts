import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients (front-end apps, ops, admins), their API keys (hashes only) and their grants. */
export class CreateAccessControl1764460800000 implements MigrationInterface {
  name = 'CreateAccessControl1764460800000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE client (
        id text PRIMARY KEY,
        name text NOT NULL,
        roles text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE client_key (
        id uuid PRIMARY KEY,
        client_id text NOT NULL REFERENCES client (id),
        key_hash text NOT NULL UNIQUE,
        hint text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX client_key_client ON client_key (client_id)`);
    await db.query(`
      CREATE TABLE client_grant (
        client_id text NOT NULL REFERENCES client (id),
        service_pattern text NOT NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (client_id, service_pattern)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE client_grant`);
    await db.query(`DROP TABLE client_key`);
    await db.query(`DROP TABLE client`);
  }
}
