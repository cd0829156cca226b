import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { auditRecordHash, GENESIS_HASH } from './audit-chain';

const SEAL_INTERVAL_MS = 1000;
const BATCH = 500;

interface UnsealedRow {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/**
 * Chains the records appended since the last pass: each gets the next position, the hash of
 * the record before it and its own hash. Only one sealer of an app works at a time (a
 * transaction-scoped advisory lock per schema); instances that find it taken skip the pass.
 * Records are chained in the order their rows are numbered among those committed so far, so a
 * change that follows another in time (it needed the first one's rows) follows it in the chain.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealer.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.sealInBackground(), SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Chains every record committed before the call, waiting for another instance's pass if one
   * runs; returns how many this call chained.
   */
  sealPending(): Promise<number> {
    return this.queue(() => this.sealAll('wait'));
  }

  private sealInBackground(): void {
    if (this.running) return;
    this.queue(() => this.sealAll('skip-if-busy')).catch((error: unknown) =>
      this.logger.warn(`audit records not sealed yet: ${String(error)}`),
    );
  }

  /** Passes of this instance run one after another. */
  private queue(pass: () => Promise<number>): Promise<number> {
    const next = (this.running ?? Promise.resolve(0)).catch(() => 0).then(pass);
    this.running = next;
    const settle = () => {
      if (this.running === next) this.running = undefined;
    };
    next.then(settle, settle);
    return next;
  }

  private async sealAll(lock: 'wait' | 'skip-if-busy'): Promise<number> {
    let sealed = 0;
    for (;;) {
      const count = await this.db.transaction((tx) => this.sealBatch(tx, lock));
      sealed += count;
      if (count < BATCH) return sealed;
    }
  }

  private async sealBatch(tx: EntityManager, lock: 'wait' | 'skip-if-busy'): Promise<number> {
    const key = `hashtextextended('mpp-audit-sealer:' || current_schema(), 0)`;
    if (lock === 'wait') {
      await tx.query(`SELECT pg_advisory_xact_lock(${key})`);
    } else {
      const [{ locked }] = await tx.query<{ locked: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(${key}) AS locked`,
      );
      if (!locked) return 0;
    }
    const rows = await tx.query<UnsealedRow[]>(
      `SELECT id, at, actor, action, subject, detail FROM audit_record
        WHERE position IS NULL ORDER BY id LIMIT $1`,
      [BATCH],
    );
    if (rows.length === 0) return 0;
    const [last] = await tx.query<{ position: string; hash: string }[]>(
      `SELECT position, hash FROM audit_record WHERE position IS NOT NULL
        ORDER BY position DESC LIMIT 1`,
    );
    let position = last ? Number(last.position) : 0;
    let previousHash = last ? last.hash : GENESIS_HASH;
    const links = rows.map((row) => {
      position += 1;
      const hash = auditRecordHash(previousHash, { ...row, position });
      const link = { id: row.id, position, previousHash, hash };
      previousHash = hash;
      return link;
    });
    await tx.query(
      `UPDATE audit_record AS a
          SET position = l.position, previous_hash = l.previous_hash, hash = l.hash
         FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])
              AS l(id, position, previous_hash, hash)
        WHERE a.id = l.id`,
      [
        links.map((link) => link.id),
        links.map((link) => link.position),
        links.map((link) => link.previousHash),
        links.map((link) => link.hash),
      ],
    );
    return rows.length;
  }
}
