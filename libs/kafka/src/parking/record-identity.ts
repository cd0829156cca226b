import type { QueryRunner } from 'typeorm';

/** A table that keeps Kafka records once each, by their position and, once migrated, time. */
export interface RecordIdentity {
  table: string;
  /** The columns of the record's topic, partition and offset (and whatever else came first). */
  positionColumns: string[];
  timestampColumn: string;
  /** The unique constraint on the position columns alone, as PostgreSQL named it. */
  positionConstraint: string;
  constraint: string;
}

/**
 * Adds the record's Kafka timestamp to what identifies a kept record. A topic created again (a
 * broker rebuilt, a topic deleted) numbers its records from 0 once more; by position alone a new
 * record would be taken for one kept before and dropped. Rows kept before get the epoch: their
 * timestamps were not stored.
 */
export async function addTimestampToIdentity(db: QueryRunner, of: RecordIdentity): Promise<void> {
  await db.query(`ALTER TABLE ${of.table}
    ADD COLUMN ${of.timestampColumn} timestamptz NOT NULL DEFAULT 'epoch'`);
  await db.query(`ALTER TABLE ${of.table} ALTER COLUMN ${of.timestampColumn} DROP DEFAULT`);
  await db.query(`ALTER TABLE ${of.table} DROP CONSTRAINT ${of.positionConstraint}`);
  await db.query(`ALTER TABLE ${of.table} ADD CONSTRAINT ${of.constraint}
    UNIQUE (${[...of.positionColumns, of.timestampColumn].join(', ')})`);
}

export async function removeTimestampFromIdentity(
  db: QueryRunner,
  of: RecordIdentity,
): Promise<void> {
  await db.query(`ALTER TABLE ${of.table} DROP CONSTRAINT ${of.constraint}`);
  await db.query(`ALTER TABLE ${of.table} DROP COLUMN ${of.timestampColumn}`);
  await db.query(`ALTER TABLE ${of.table} ADD CONSTRAINT ${of.positionConstraint}
    UNIQUE (${of.positionColumns.join(', ')})`);
}
