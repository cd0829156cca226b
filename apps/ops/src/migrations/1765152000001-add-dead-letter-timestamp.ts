import {
  addTimestampToIdentity,
  removeTimestampFromIdentity,
  type RecordIdentity,
} from '@mpp/kafka';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const DEAD_LETTER_IDENTITY: RecordIdentity = {
  table: 'dead_letter',
  positionColumns: ['dlq_topic', 'dlq_partition', 'dlq_offset'],
  timestampColumn: 'dlq_timestamp',
  positionConstraint: 'dead_letter_dlq_topic_dlq_partition_dlq_offset_key',
  constraint: 'dead_letter_record',
};

/**
 * Tells dead letters apart by their Kafka timestamp too: after a broker is rebuilt, new dead
 * letters at offsets the old topic had used are still shown (see `addTimestampToIdentity`).
 */
export class AddDeadLetterTimestamp1765152000001 implements MigrationInterface {
  name = 'AddDeadLetterTimestamp1765152000001';

  up(db: QueryRunner): Promise<void> {
    return addTimestampToIdentity(db, DEAD_LETTER_IDENTITY);
  }

  down(db: QueryRunner): Promise<void> {
    return removeTimestampFromIdentity(db, DEAD_LETTER_IDENTITY);
  }
}
