import type { MigrationInterface, QueryRunner } from 'typeorm';
import { isSealed, type PersonalDataCipher } from '../encryption/personal-data-cipher';
import { SealingContexts } from '../encryption/sealing-contexts';

const BATCH = 500;

interface SealedColumn {
  table: string;
  column: string;
  /** The columns that name a row; their values, in this order, make its sealing context. */
  key: string[];
  context: (...key: string[]) => string;
}

const COLUMNS: SealedColumn[] = [
  {
    table: 'application',
    column: 'applicant',
    key: ['id'],
    context: (id) => SealingContexts.applicant(id),
  },
  {
    table: 'outbox',
    column: 'payload',
    key: ['event_id'],
    context: (eventId) => SealingContexts.outboxPayload(eventId),
  },
  {
    table: 'idempotency_record',
    column: 'response_body',
    key: ['client_id', 'key'],
    context: (clientId, key) => SealingContexts.idempotentAnswer(clientId, key),
  },
];

/**
 * Seals the personal data stored before encryption at rest: applicants, outbox payloads and
 * remembered answers, with the active data key; and adds the table of key checks. Built with the
 * gateway's cipher, since the keys come from the environment. `down` opens them again.
 */
export function encryptPersonalData(cipher: PersonalDataCipher): new () => MigrationInterface {
  return class EncryptPersonalData1764892800000 implements MigrationInterface {
    name = 'EncryptPersonalData1764892800000';

    async up(db: QueryRunner): Promise<void> {
      await db.query(`
        CREATE TABLE data_key_check (
          key_id text PRIMARY KEY,
          sealed jsonb NOT NULL,
          created_at timestamptz NOT NULL
        )`);
      await sealStoredPersonalData(db, cipher);
    }

    async down(db: QueryRunner): Promise<void> {
      for (const column of COLUMNS) {
        await rewrite(db, column, (value, context) =>
          isSealed(value) ? cipher.open(value, context) : undefined,
        );
      }
      await db.query(`DROP TABLE IF EXISTS data_key_check`);
    }
  };
}

/** Seals every stored value of the personal-data columns that is not sealed yet. */
export async function sealStoredPersonalData(
  db: QueryRunner,
  cipher: PersonalDataCipher,
): Promise<void> {
  for (const column of COLUMNS) {
    await rewrite(db, column, (value, context) =>
      isSealed(value) ? undefined : cipher.seal(value, context),
    );
  }
}

/** Rewrites a column row by row, in batches in key order; `change` answers undefined to skip. */
async function rewrite(
  db: QueryRunner,
  { table, column, key, context }: SealedColumn,
  change: (value: unknown, context: string) => unknown,
): Promise<void> {
  const keyList = key.join(', ');
  const placeholders = key.map((_, i) => `$${i + 1}`).join(', ');
  let after: string[] | undefined;
  for (;;) {
    const rows: Record<string, unknown>[] = await db.query(
      `SELECT ${keyList}, ${column} AS value FROM ${table}
        ${after ? `WHERE (${keyList}) > (${placeholders})` : ''}
        ORDER BY ${keyList} LIMIT ${BATCH}`,
      after ?? [],
    );
    for (const row of rows) {
      const ids = key.map((name) => String(row[name]));
      const changed = change(row.value, context(...ids));
      if (changed === undefined) continue;
      await db.query(
        `UPDATE ${table} SET ${column} = $${key.length + 1} WHERE (${keyList}) = (${placeholders})`,
        [...ids, JSON.stringify(changed)],
      );
    }
    if (rows.length < BATCH) return;
    after = key.map((name) => String(rows[rows.length - 1][name]));
  }
}
