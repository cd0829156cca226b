import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates `parked_message` in an app's schema: what its consumers of shared topics could not
 * use, with why. Each app's migrations extend this under their own timestamped name. A message
 * is kept once per consumer, however often it is read again (the registry is re-read from the
 * beginning by every new gateway instance).
 */
export abstract class CreateParkedMessageTable implements MigrationInterface {
  abstract name: string;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE parked_message (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        consumer text NOT NULL,
        topic text NOT NULL,
        partition int NOT NULL,
        kafka_offset bigint NOT NULL,
        message_key text,
        headers jsonb NOT NULL,
        value_bytes int,
        value_sha256 text,
        value_preview text,
        reason text NOT NULL,
        error text NOT NULL,
        parked_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (consumer, topic, partition, kafka_offset)
      )`);
    await db.query(`CREATE INDEX parked_message_parked_at ON parked_message (parked_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS parked_message`);
  }
}

/**
 * Adds the record's Kafka timestamp to what identifies a parked message. A topic created again
 * (a broker rebuilt, a topic deleted) numbers its records from 0 once more; by position alone a
 * new record would be taken for one parked before and dropped. Rows parked before this migration
 * get the epoch: their timestamps were not kept.
 */
export abstract class AddParkedMessageTimestamp implements MigrationInterface {
  abstract name: string;

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE parked_message
      ADD COLUMN kafka_timestamp timestamptz NOT NULL DEFAULT 'epoch'`);
    await db.query(`ALTER TABLE parked_message ALTER COLUMN kafka_timestamp DROP DEFAULT`);
    await db.query(`ALTER TABLE parked_message
      DROP CONSTRAINT parked_message_consumer_topic_partition_kafka_offset_key`);
    await db.query(`ALTER TABLE parked_message ADD CONSTRAINT parked_message_record
      UNIQUE (consumer, topic, partition, kafka_offset, kafka_timestamp)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE parked_message DROP CONSTRAINT parked_message_record`);
    await db.query(`ALTER TABLE parked_message DROP COLUMN kafka_timestamp`);
    await db.query(`ALTER TABLE parked_message
      ADD UNIQUE (consumer, topic, partition, kafka_offset)`);
  }
}
