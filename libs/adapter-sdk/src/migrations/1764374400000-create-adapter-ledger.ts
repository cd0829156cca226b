import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The SDK's tables, created in each adapter's own schema. */
export class CreateAdapterLedger1764374400000 implements MigrationInterface {
  name = 'CreateAdapterLedger1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE adapter_submission (
        application_id uuid PRIMARY KEY,
        service_code text NOT NULL,
        state text NOT NULL,
        agency_reference text,
        revision int NOT NULL DEFAULT 1,
        revision_pending boolean NOT NULL DEFAULT false,
        attempts int NOT NULL DEFAULT 0,
        last_emitted_status text,
        refusal_status text,
        refusal_reason text,
        correlation_id text,
        traceparent text,
        next_poll_at timestamptz,
        poll_failures int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(
      `CREATE INDEX adapter_submission_reference ON adapter_submission (agency_reference)`,
    );
    await db.query(
      `CREATE INDEX adapter_submission_due ON adapter_submission (next_poll_at) WHERE next_poll_at IS NOT NULL`,
    );
    await db.query(`
      CREATE TABLE adapter_inbox (
        event_id text PRIMARY KEY,
        application_id uuid,
        event_type text NOT NULL,
        outcome text NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE adapter_inbox`);
    await db.query(`DROP TABLE adapter_submission`);
  }
}
