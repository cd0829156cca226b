import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the record's Kafka timestamp to what identifies a dead letter. A dead-letter topic created
 * again (a broker rebuilt, a topic deleted) numbers its records from 0 once more; by position
 * alone a new dead letter would be taken for one stored before and never shown. Rows stored
 * before this migration get the epoch: their timestamps were not kept.
 */
export class AddDeadLetterTimestamp1765152000001 implements MigrationInterface {
  name = 'AddDeadLetterTimestamp1765152000001';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dead_letter
      ADD COLUMN dlq_timestamp timestamptz NOT NULL DEFAULT 'epoch'`);
    await db.query(`ALTER TABLE dead_letter ALTER COLUMN dlq_timestamp DROP DEFAULT`);
    await db.query(`ALTER TABLE dead_letter
      DROP CONSTRAINT dead_letter_dlq_topic_dlq_partition_dlq_offset_key`);
    await db.query(`ALTER TABLE dead_letter ADD CONSTRAINT dead_letter_record
      UNIQUE (dlq_topic, dlq_partition, dlq_offset, dlq_timestamp)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE dead_letter DROP CONSTRAINT dead_letter_record`);
    await db.query(`ALTER TABLE dead_letter DROP COLUMN dlq_timestamp`);
    await db.query(`ALTER TABLE dead_letter ADD UNIQUE (dlq_topic, dlq_partition, dlq_offset)`);
  }
}
