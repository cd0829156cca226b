import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSubmissionLedger1764288000001 implements MigrationInterface {
  name = 'CreateSubmissionLedger1764288000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE legacy_submission (
        application_id uuid PRIMARY KEY,
        service_code text NOT NULL,
        state text NOT NULL,
        agency_reference text,
        refusal_reason text,
        refusal_status text,
        last_emitted_status text,
        attempts int NOT NULL DEFAULT 0,
        correlation_id text,
        traceparent text,
        next_poll_at timestamptz,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX legacy_submission_due ON legacy_submission (next_poll_at)
        WHERE state = 'SUBMITTED' AND next_poll_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS legacy_submission`);
  }
}
