import type { MigrationInterface, QueryRunner } from 'typeorm';

/** SKM survey answers, and the indexes the IKM and performance reports read by time. */
export class AddSurveyResponses1764633600000 implements MigrationInterface {
  name = 'AddSurveyResponses1764633600000';

  async up(db: QueryRunner): Promise<void> {
    const scores = [1, 2, 3, 4, 5, 6, 7, 8, 9]
      .map((i) => `u${i} smallint NOT NULL CHECK (u${i} BETWEEN 1 AND 4)`)
      .join(',\n        ');
    await db.query(`
      CREATE TABLE survey_response (
        application_id uuid PRIMARY KEY REFERENCES application (id),
        ${scores},
        suggestions text,
        age_band text,
        sex text,
        education text,
        occupation text,
        client_id text NOT NULL,
        submitted_at timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX survey_response_submitted ON survey_response (submitted_at)`);
    await db.query(
      `CREATE INDEX application_status_change_by_time ON application_status_change (status, occurred_at)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX IF EXISTS application_status_change_by_time`);
    await db.query(`DROP TABLE IF EXISTS survey_response`);
  }
}
