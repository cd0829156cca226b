import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Resubmissions and cancellations: the revision counter and the applicant's request log. */
export class AddApplicantRequests1764374400000 implements MigrationInterface {
  name = 'AddApplicantRequests1764374400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE application ADD COLUMN revision int NOT NULL DEFAULT 1`);
    await db.query(`
      CREATE TABLE application_request (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        application_id uuid NOT NULL REFERENCES application (id),
        kind text NOT NULL CHECK (kind IN ('RESUBMISSION', 'CANCELLATION')),
        revision int,
        reason text,
        client_id text NOT NULL,
        event_id uuid NOT NULL,
        requested_at timestamptz NOT NULL,
        settled_at timestamptz
      )`);
    // At most one request of each kind waits for the agency, whatever races between gateways.
    await db.query(
      `CREATE UNIQUE INDEX application_request_one_pending ON application_request (application_id, kind) WHERE settled_at IS NULL`,
    );
    await db.query(
      `CREATE INDEX application_request_application ON application_request (application_id, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS application_request`);
    await db.query(`ALTER TABLE application DROP COLUMN IF EXISTS revision`);
  }
}
