import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { auditRecordHash, GENESIS_HASH } from './audit-chain';
import { AuditSealer } from './audit-sealer';
import type { SealedAuditRecord } from './audit-entry';

const PAGE = 1000;

/** Why a record breaks the chain. */
export type AuditBreak =
  /** Positions jump: records before this one were deleted. */
  | 'records-missing-before'
  /** It does not point at the record before it: records were reordered or replaced. */
  | 'previous-hash-mismatch'
  /** Its content is not what was hashed: the record was altered. */
  | 'content-altered';

const EXPLANATIONS: Record<AuditBreak, (expectedPosition: number) => string> = {
  'records-missing-before': (expected) =>
    `expected position ${expected} next: the records before this one were deleted`,
  'previous-hash-mismatch': () =>
    'its previous hash is not the hash of the record before it: records were reordered or replaced',
  'content-altered': () => 'its content does not match its hash: the record was altered',
};

export interface BrokenAuditRecord {
  id: string;
  position: number;
  at: string;
  action: string;
  subject: string;
  problem: AuditBreak;
  explanation: string;
}

export interface AuditVerification {
  valid: boolean;
  /** Sealed records read, the broken one included. */
  checked: number;
  /**
   * The last intact record. Kept somewhere the database cannot change, it shows a later rewrite
   * of everything after it, which the chain alone cannot.
   */
  head: { position: number; hash: string } | null;
  /** Appended but not chained yet. */
  unsealed: number;
  firstBroken: BrokenAuditRecord | null;
}

interface StoredRow {
  id: string;
  position: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
  previous_hash: string;
  hash: string;
}

/**
 * Seals what was appended so far, then walks the sealed records in position order and
 * recomputes the chain: positions must follow each other from 1, each record must name the hash
 * of the one before it, and its own hash must match its content. The first record that fails is
 * named with why.
 */
@Injectable()
export class AuditVerifier {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sealer: AuditSealer,
  ) {}

  async verify(): Promise<AuditVerification> {
    await this.sealer.sealPending();
    let checked = 0;
    let previous = { position: 0, hash: GENESIS_HASH };
    for (;;) {
      const rows = await this.db.query<StoredRow[]>(
        `SELECT id, position, at, actor, action, subject, detail, previous_hash, hash
           FROM audit_record WHERE position > $1 ORDER BY position LIMIT $2`,
        [previous.position, PAGE],
      );
      for (const row of rows) {
        const record = sealedRecord(row);
        checked += 1;
        const problem = breakOf(record, previous);
        if (problem) {
          return this.answer(checked, previous, {
            id: record.id,
            position: record.position,
            at: record.at.toISOString(),
            action: record.action,
            subject: record.subject,
            problem,
            explanation: EXPLANATIONS[problem](previous.position + 1),
          });
        }
        previous = { position: record.position, hash: record.hash };
      }
      if (rows.length < PAGE) return this.answer(checked, previous, null);
    }
  }

  private async answer(
    checked: number,
    head: { position: number; hash: string },
    firstBroken: BrokenAuditRecord | null,
  ): Promise<AuditVerification> {
    const [{ unsealed }] = await this.db.query<{ unsealed: number }[]>(
      `SELECT count(*)::int AS unsealed FROM audit_record WHERE position IS NULL`,
    );
    return {
      valid: firstBroken === null,
      checked,
      head: head.position > 0 ? head : null,
      unsealed,
      firstBroken,
    };
  }
}

function sealedRecord(row: StoredRow): SealedAuditRecord {
  return {
    id: row.id,
    position: Number(row.position),
    at: row.at,
    actor: row.actor,
    action: row.action,
    subject: row.subject,
    detail: row.detail,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
}

function breakOf(
  record: SealedAuditRecord,
  previous: { position: number; hash: string },
): AuditBreak | undefined {
  if (record.position !== previous.position + 1) return 'records-missing-before';
  if (record.previousHash !== previous.hash) return 'previous-hash-mismatch';
  if (auditRecordHash(record.previousHash, record) !== record.hash) return 'content-altered';
  return undefined;
}
