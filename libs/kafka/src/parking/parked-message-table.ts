import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  addTimestampToIdentity,
  removeTimestampFromIdentity,
  type RecordIdentity,
} from './record-identity';

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

const PARKED_MESSAGE_IDENTITY: RecordIdentity = {
  table: 'parked_message',
  positionColumns: ['consumer', 'topic', 'partition', 'kafka_offset'],
  timestampColumn: 'kafka_timestamp',
  positionConstraint: 'parked_message_consumer_topic_partition_kafka_offset_key',
  constraint: 'parked_message_record',
};

/** Tells parked messages apart by their Kafka timestamp too (see `addTimestampToIdentity`). */
export abstract class AddParkedMessageTimestamp implements MigrationInterface {
  abstract name: string;

  up(db: QueryRunner): Promise<void> {
    return addTimestampToIdentity(db, PARKED_MESSAGE_IDENTITY);
  }

  down(db: QueryRunner): Promise<void> {
    return removeTimestampFromIdentity(db, PARKED_MESSAGE_IDENTITY);
  }
}
