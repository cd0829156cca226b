import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FlowRecord } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import { LiveEvents, type LiveEvent } from '../live/live-events';
import { SqlFilter } from '../paging/sql-filter';

export interface FlowFilters {
  agency?: string;
  serviceCode?: string;
  hop?: string;
  outcome?: string;
  applicationId?: string;
  /** Inclusive. */
  from?: Date;
  /** Exclusive. */
  to?: Date;
}

/** A stored record with its place in the newest-first order, for paging. */
export interface StoredFlowRecord {
  record: FlowRecord;
  position: { at: string; seq: string };
}

interface FlowRow {
  seq: string;
  id: string;
  hop: FlowRecord['hop'];
  application_id: string | null;
  correlation_id: string | null;
  trace_id: string | null;
  service_code: string | null;
  agency: string | null;
  component: string;
  instance: string;
  at: Date;
  duration_ms: number | null;
  outcome: string | null;
  detail: FlowRecord['detail'] | null;
}

const COLUMNS = `seq, id, hop, application_id, correlation_id, trace_id, service_code, agency,
  component, instance, at, duration_ms, outcome, detail`;
/** Beyond this many new records in one batch (a catch-up), dashboards are told to re-read. */
const LIVE_RECORDS_PER_BATCH = 100;

/** The flow records in the ops schema: written once per record id, read by time. */
@Injectable()
export class FlowRecordStore {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Stores the records not stored before and tells the dashboards; returns those. */
  async ingest(records: FlowRecord[]): Promise<FlowRecord[]> {
    if (records.length === 0) return [];
    return this.db.transaction(async (tx) => {
      const rows: FlowRow[] = await tx.query(
        `INSERT INTO flow_record (id, hop, application_id, correlation_id, trace_id, service_code,
                                  agency, component, instance, at, duration_ms, outcome, detail)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[],
                              $11::float8[], $12::text[], $13::jsonb[])
         ON CONFLICT (id) DO NOTHING
         RETURNING ${COLUMNS}`,
        [
          records.map((r) => r.id),
          records.map((r) => r.hop),
          records.map((r) => r.applicationId ?? null),
          records.map((r) => r.correlationId ?? null),
          records.map((r) => r.traceId ?? null),
          records.map((r) => r.serviceCode ?? null),
          records.map((r) => r.agency ?? null),
          records.map((r) => r.component),
          records.map((r) => r.instance),
          records.map((r) => r.at),
          records.map((r) => r.durationMs ?? null),
          records.map((r) => r.outcome ?? null),
          records.map((r) => (r.detail ? JSON.stringify(r.detail) : null)),
        ],
      );
      const stored = rows.map(toFlowRecord);
      const events: LiveEvent[] =
        stored.length > LIVE_RECORDS_PER_BATCH
          ? [{ type: 'flow-backlog', count: stored.length }]
          : stored.map((record) => ({ type: 'flow', record }));
      await LiveEvents.announce(tx, events);
      return stored;
    });
  }

  /** Every hop of one application, in time order, then in the order they arrived. */
  async ofApplication(applicationId: string): Promise<FlowRecord[]> {
    const rows: FlowRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM flow_record WHERE application_id = $1 ORDER BY at, seq`,
      [applicationId],
    );
    return rows.map(toFlowRecord);
  }

  /** Newest first, after `after` when paging on. */
  async search(
    filters: FlowFilters,
    after: StoredFlowRecord['position'] | undefined,
    limit: number,
  ): Promise<StoredFlowRecord[]> {
    const filter = new SqlFilter()
      .equals('agency', filters.agency)
      .equals('service_code', filters.serviceCode)
      .equals('hop', filters.hop)
      .equals('outcome', filters.outcome)
      .equals('application_id', filters.applicationId);
    if (filters.from) filter.where(`at >= ${filter.param(filters.from)}`);
    if (filters.to) filter.where(`at < ${filter.param(filters.to)}`);
    if (after) {
      filter.where(
        `(at, seq) < (${filter.param(after.at)}::timestamptz, ${filter.param(after.seq)}::bigint)`,
      );
    }
    const rows: FlowRow[] = await this.db.query(
      `SELECT ${COLUMNS} FROM flow_record ${filter.clause()}
        ORDER BY at DESC, seq DESC LIMIT ${filter.param(limit)}`,
      filter.params,
    );
    return rows.map((row) => ({
      record: toFlowRecord(row),
      position: { at: row.at.toISOString(), seq: String(row.seq) },
    }));
  }

  /** Deletes records older than `cutoff`, a bounded batch at a time; returns how many. */
  async pruneBefore(cutoff: Date, batchSize = 10000): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted]: [unknown, number] = await this.db.query(
        `DELETE FROM flow_record
          WHERE seq IN (SELECT seq FROM flow_record WHERE at < $1 LIMIT $2)`,
        [cutoff, batchSize],
      );
      total += deleted;
      if (deleted < batchSize) return total;
    }
  }
}

function toFlowRecord(row: FlowRow): FlowRecord {
  const record: FlowRecord = {
    id: row.id,
    hop: row.hop,
    component: row.component,
    instance: row.instance,
    at: row.at.toISOString(),
  };
  if (row.application_id !== null) record.applicationId = row.application_id;
  if (row.correlation_id !== null) record.correlationId = row.correlation_id;
  if (row.trace_id !== null) record.traceId = row.trace_id;
  if (row.service_code !== null) record.serviceCode = row.service_code;
  if (row.agency !== null) record.agency = row.agency;
  if (row.duration_ms !== null) record.durationMs = row.duration_ms;
  if (row.outcome !== null) record.outcome = row.outcome;
  if (row.detail !== null) record.detail = row.detail;
  return record;
}
