import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the audit log of one app, in that app's schema: each app's migrations extend this with
 * their own timestamped name. `position`, `previous_hash` and `hash` stay empty until the sealer
 * chains the record. `at` keeps milliseconds, like the clocks that write it, so what was hashed
 * is what is read back.
 */
export abstract class CreateAuditRecordTable implements MigrationInterface {
  abstract name: string;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_record (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        position bigint UNIQUE,
        at timestamptz(3) NOT NULL,
        actor text NOT NULL,
        action text NOT NULL,
        subject text NOT NULL,
        detail jsonb NOT NULL,
        previous_hash text,
        hash text,
        CHECK ((position IS NULL) = (hash IS NULL) AND (hash IS NULL) = (previous_hash IS NULL))
      )`);
    await db.query(
      `CREATE INDEX audit_record_unsealed ON audit_record (id) WHERE position IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS audit_record`);
  }
}
