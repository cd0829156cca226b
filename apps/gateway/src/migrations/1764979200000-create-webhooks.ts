import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Clients' webhooks, the queue of deliveries and every attempt at them. */
export class CreateWebhooks1764979200000 implements MigrationInterface {
  name = 'CreateWebhooks1764979200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE webhook_subscription (
        client_id text PRIMARY KEY REFERENCES client (id),
        url text NOT NULL,
        secret jsonb NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE webhook_delivery (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL UNIQUE,
        client_id text NOT NULL,
        application_id uuid NOT NULL REFERENCES application (id),
        payload jsonb NOT NULL,
        state text NOT NULL DEFAULT 'pending'
          CHECK (state IN ('pending', 'delivered', 'failed', 'cancelled')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL,
        finished_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX webhook_delivery_due ON webhook_delivery (id) WHERE state = 'pending'`,
    );
    await db.query(
      `CREATE INDEX webhook_delivery_pending_by_application ON webhook_delivery (application_id, id) WHERE state = 'pending'`,
    );
    await db.query(
      `CREATE INDEX webhook_delivery_pending_by_client ON webhook_delivery (client_id) WHERE state = 'pending'`,
    );
    await db.query(`
      CREATE TABLE webhook_attempt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id bigint NOT NULL REFERENCES webhook_delivery (id),
        attempted_at timestamptz NOT NULL,
        url text NOT NULL,
        status_code int,
        error text,
        duration_ms int NOT NULL
      )`);
    await db.query(`CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS webhook_attempt`);
    await db.query(`DROP TABLE IF EXISTS webhook_delivery`);
    await db.query(`DROP TABLE IF EXISTS webhook_subscription`);
  }
}
