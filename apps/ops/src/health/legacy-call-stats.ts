import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { FlowHops } from '@mpp/contracts';
import { DataSource } from 'typeorm';
import { legacyCallWindow, type LegacyCallWindow } from './legacy-call-window';

/** Legacy calls per agency over a recent window, from `adapter.legacy-call` flow records. */
@Injectable()
export class LegacyCallStats {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async since(start: Date): Promise<Map<string, LegacyCallWindow>> {
    // The hop is written into the SQL so that the partial index on legacy calls applies.
    const calls = `FROM flow_record
      WHERE hop = '${FlowHops.legacyCall}' AND at >= $1 AND agency IS NOT NULL`;
    const [counts, latencies]: [
      { agency: string; outcome: string; calls: number }[],
      { agency: string; percentiles: number[] | null }[],
    ] = await Promise.all([
      this.db.query(
        `SELECT agency, coalesce(outcome, 'unknown') AS outcome, count(*)::int AS calls
           ${calls} GROUP BY 1, 2`,
        [start],
      ),
      this.db.query(
        `SELECT agency,
                percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms)
                  AS percentiles
           ${calls} GROUP BY agency`,
        [start],
      ),
    ]);
    const outcomesByAgency = new Map<string, Record<string, number>>();
    for (const { agency, outcome, calls: count } of counts) {
      outcomesByAgency.set(agency, { ...outcomesByAgency.get(agency), [outcome]: count });
    }
    return new Map(
      latencies.map(({ agency, percentiles }) => [
        agency,
        legacyCallWindow(outcomesByAgency.get(agency) ?? {}, percentiles),
      ]),
    );
  }
}
