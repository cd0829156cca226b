import type { FlowRecord } from '@mpp/contracts';

export interface TimelineHop extends FlowRecord {
  /** Time since the hop before it finished; null for the first. */
  sincePreviousMs: number | null;
  sinceStartMs: number;
}

export interface Timeline {
  applicationId: string;
  startedAt: string;
  lastAt: string;
  /** From the first hop to the last one recorded so far. */
  totalMs: number;
  hops: TimelineHop[];
}

/**
 * One application's hops in time order with the latency of each. Each hop's time comes from
 * the clock of the component that made it; hops of the same millisecond keep the order given.
 */
export function buildTimeline(applicationId: string, records: FlowRecord[]): Timeline | undefined {
  if (records.length === 0) return undefined;
  const ordered = records
    .map((record, index) => ({ record, index, time: Date.parse(record.at) }))
    .sort((a, b) => a.time - b.time || a.index - b.index);
  const start = ordered[0].time;
  const hops = ordered.map(({ record, time }, position) => ({
    ...record,
    sincePreviousMs: position === 0 ? null : time - ordered[position - 1].time,
    sinceStartMs: time - start,
  }));
  const last = ordered[ordered.length - 1];
  return {
    applicationId,
    startedAt: ordered[0].record.at,
    lastAt: last.record.at,
    totalMs: last.time - start,
    hops,
  };
}
