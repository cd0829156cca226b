import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateGatewaySchema1764288000000 implements MigrationInterface {
  name = 'CreateGatewaySchema1764288000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE application (
        id uuid PRIMARY KEY,
        tracking_number text NOT NULL UNIQUE,
        service_code text NOT NULL,
        agency text NOT NULL,
        client_id text NOT NULL,
        applicant jsonb NOT NULL,
        data jsonb NOT NULL,
        documents jsonb NOT NULL,
        status text NOT NULL,
        agency_reference text,
        result jsonb,
        correlation_id text NOT NULL,
        submitted_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX application_service_status ON application (service_code, status)`);
    await db.query(`CREATE INDEX application_client ON application (client_id, submitted_at)`);

    await db.query(`
      CREATE TABLE application_status_change (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id),
        status text NOT NULL,
        reason text,
        agency_reference text,
        event_id text,
        source text NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX application_status_change_application ON application_status_change (application_id, id)`,
    );

    await db.query(`
      CREATE TABLE outbox (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL,
        topic text NOT NULL,
        event_id uuid NOT NULL UNIQUE,
        event_type text NOT NULL,
        payload jsonb NOT NULL,
        correlation_id text NOT NULL,
        traceparent text,
        created_at timestamptz NOT NULL,
        published_at timestamptz,
        partition int,
        kafka_offset bigint,
        attempts int NOT NULL DEFAULT 0,
        last_error text
      )`);
    await db.query(`CREATE INDEX outbox_pending ON outbox (id) WHERE published_at IS NULL`);
    await db.query(
      `CREATE INDEX outbox_pending_by_application ON outbox (application_id, id) WHERE published_at IS NULL`,
    );

    await db.query(`
      CREATE TABLE status_event_receipt (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id text NOT NULL,
        application_id uuid NOT NULL,
        status text NOT NULL,
        outcome text NOT NULL,
        reason text,
        source text NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    // An event id is applied at most once, whatever races between consumers.
    await db.query(
      `CREATE UNIQUE INDEX status_event_applied_once ON status_event_receipt (event_id) WHERE outcome = 'APPLIED'`,
    );
    await db.query(
      `CREATE INDEX status_event_receipt_application ON status_event_receipt (application_id, id)`,
    );

    await db.query(`
      CREATE TABLE idempotency_record (
        client_id text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        response_status int NOT NULL,
        response_body jsonb NOT NULL,
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (client_id, key)
      )`);
    await db.query(`CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at)`);

    await db.query(`
      CREATE TABLE catalog_service (
        code text PRIMARY KEY,
        agency text NOT NULL,
        descriptor jsonb NOT NULL,
        announced_at timestamptz NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'catalog_service',
      'idempotency_record',
      'status_event_receipt',
      'outbox',
      'application_status_change',
      'application',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
