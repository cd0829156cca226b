import { createHash } from 'node:crypto';
import type { SealedAuditRecord } from './audit-entry';

/** The previous hash of the first record. */
export const GENESIS_HASH = '0'.repeat(64);

export type ChainedFields = Omit<SealedAuditRecord, 'id' | 'previousHash' | 'hash'>;

/**
 * SHA-256 over the previous record's hash and the canonical form of this record. The position
 * is part of what is hashed, so a record moved to another place no longer matches its hash.
 */
export function auditRecordHash(previousHash: string, record: ChainedFields): string {
  const canonical = canonicalJson({
    position: record.position,
    at: record.at.toISOString(),
    actor: record.actor,
    action: record.action,
    subject: record.subject,
    detail: record.detail,
  });
  return createHash('sha256').update(`${previousHash}\n${canonical}`, 'utf8').digest('hex');
}

/**
 * JSON with object keys sorted (by UTF-16 code units) and no insignificant white space, so the same
 * record always serialises to the same text, whatever order PostgreSQL's jsonb returns keys in.
 * Values JSON cannot carry exactly (undefined, NaN, functions) are refused, not dropped.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`not canonical JSON: ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const members = keys.map(
      (key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
    );
    return `{${members.join(',')}}`;
  }
  throw new TypeError(`not canonical JSON: ${typeof value}`);
}
