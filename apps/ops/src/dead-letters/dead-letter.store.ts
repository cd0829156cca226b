import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Operator } from '../auth/operator';
import { LiveEvents } from '../live/live-events';
import { SqlFilter } from '../paging/sql-filter';
import type { ParkedMessage, StoredHeader } from './parked-message';

export type DeadLetterState = 'parked' | 'replayed' | 'discarded';

/** A stored dead letter without its bytes, as lists show it. */
export interface DeadLetterSummary {
  id: string;
  agency: string;
  topic: string;
  partition: number;
  offset: string;
  reason: string | null;
  error: string | null;
  attempts: number | null;
  sourceTopic: string | null;
  sourcePartition: number | null;
  sourceOffset: string | null;
  failedAt: Date | null;
  parkedBy: string | null;
  applicationId: string | null;
  eventId: string | null;
  eventType: string | null;
  serviceCode: string | null;
  correlationId: string | null;
  traceparent: string | null;
  receivedAt: Date;
  state: DeadLetterState;
  handledBy: string | null;
  handledAt: Date | null;
  handlingReason: string | null;
}

export interface DeadLetter extends DeadLetterSummary {
  key: Buffer | null;
  value: Buffer | null;
  headers: StoredHeader[];
}

export interface DeadLetterFilters {
  agency?: string;
  state?: DeadLetterState;
}

const SUMMARY = `id::text AS "id", agency, dlq_topic AS "topic", dlq_partition AS "partition",
  dlq_offset::text AS "offset", reason, error, attempts, source_topic AS "sourceTopic",
  source_partition AS "sourcePartition", source_offset::text AS "sourceOffset",
  failed_at AS "failedAt", parked_by AS "parkedBy", application_id AS "applicationId",
  event_id AS "eventId", event_type AS "eventType", service_code AS "serviceCode",
  correlation_id AS "correlationId", traceparent, received_at AS "receivedAt", state,
  handled_by AS "handledBy", handled_at AS "handledAt", handling_reason AS "handlingReason"`;
const FULL = `${SUMMARY}, message_key AS "key", message_value AS "value", headers`;

/** Dead letters ops has read from every agency's dead-letter topic, and what was done with them. */
@Injectable()
export class DeadLetterStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores messages not stored before (by topic position and timestamp); returns how many were new. */
  async ingest(messages: ParkedMessage[]): Promise<number> {
    if (messages.length === 0) return 0;
    return this.db.transaction(async (tx) => {
      let stored = 0;
      for (const message of messages) {
        const rows: { id: string }[] = await tx.query(
          `INSERT INTO dead_letter (agency, dlq_topic, dlq_partition, dlq_offset, dlq_timestamp,
             message_key, message_value, headers, reason, error, attempts, source_topic,
             source_partition, source_offset, failed_at, parked_by, application_id, event_id,
             event_type, service_code, correlation_id, traceparent)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                   $18, $19, $20, $21, $22)
           ON CONFLICT (dlq_topic, dlq_partition, dlq_offset, dlq_timestamp) DO NOTHING
           RETURNING id::text AS id`,
          [
            message.agency,
            message.topic,
            message.partition,
            message.offset,
            message.timestamp,
            message.key,
            message.value,
            JSON.stringify(message.headers),
            message.reason ?? null,
            message.error ?? null,
            message.attempts ?? null,
            message.sourceTopic ?? null,
            message.sourcePartition ?? null,
            message.sourceOffset ?? null,
            message.failedAt ?? null,
            message.parkedBy ?? null,
            message.applicationId ?? null,
            message.eventId ?? null,
            message.eventType ?? null,
            message.serviceCode ?? null,
            message.correlationId ?? null,
            message.traceparent ?? null,
          ],
        );
        if (rows.length === 0) continue;
        stored++;
        await LiveEvents.announce(tx, [
          { type: 'dead-letter', id: rows[0].id, agency: message.agency, state: 'parked' },
        ]);
      }
      return stored;
    });
  }

  /** Newest first, after the dead letter `afterId` when paging on. */
  async list(
    filters: DeadLetterFilters,
    afterId: string | undefined,
    limit: number,
  ): Promise<DeadLetterSummary[]> {
    const filter = new SqlFilter().equals('agency', filters.agency).equals('state', filters.state);
    if (afterId) filter.where(`id < ${filter.param(afterId)}::bigint`);
    return this.db.query(
      `SELECT ${SUMMARY} FROM dead_letter ${filter.clause()}
        ORDER BY id DESC LIMIT ${filter.param(limit)}`,
      filter.params,
    );
  }

  async find(id: string): Promise<DeadLetter | undefined> {
    const rows: DeadLetter[] = await this.db.query(
      `SELECT ${FULL} FROM dead_letter WHERE id = $1`,
      [id],
    );
    return rows[0];
  }

  /** Locks the dead letters for handling, in id order so that concurrent selections queue. */
  lockForHandling(tx: EntityManager, ids: string[]): Promise<DeadLetter[]> {
    return tx.query(
      `SELECT ${FULL} FROM dead_letter WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  async markHandled(
    tx: EntityManager,
    letters: DeadLetterSummary[],
    state: Exclude<DeadLetterState, 'parked'>,
    operator: Operator,
    reason: string,
  ): Promise<DeadLetterSummary[]> {
    // TypeORM answers an UPDATE with its rows and their count.
    const [handled]: [DeadLetterSummary[], number] = await tx.query(
      `UPDATE dead_letter
          SET state = $2, handled_by_operator = $3, handled_by = $4, handled_at = now(),
              handling_reason = $5
        WHERE id = ANY($1::bigint[])
        RETURNING ${SUMMARY}`,
      [letters.map((letter) => letter.id), state, operator.id, operator.name, reason],
    );
    await LiveEvents.announce(
      tx,
      handled.map((letter) => ({
        type: 'dead-letter',
        id: letter.id,
        agency: letter.agency,
        state,
      })),
    );
    return handled.sort((a, b) => Number(a.id) - Number(b.id));
  }

  async parkedByAgency(): Promise<Map<string, number>> {
    const rows: { agency: string; parked: number }[] = await this.db.query(
      `SELECT agency, count(*)::int AS parked FROM dead_letter WHERE state = 'parked' GROUP BY agency`,
    );
    return new Map(rows.map((row) => [row.agency, row.parked]));
  }
}
