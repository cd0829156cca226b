import { setTimeout as delay } from 'node:timers/promises';

/**
 * How a message that must wait keeps its place: it heartbeats to its consumer group, so the
 * group does not give its partition away, and stops when the app shuts down.
 */
export interface Hold {
  heartbeat?: () => Promise<void>;
  signal?: AbortSignal;
}

export const HOLD_HEARTBEAT_MS = 3000;

/** Waits `ms`, heartbeating in between; rejects when the hold is aborted. */
export async function waitHolding(
  ms: number,
  hold: Hold,
  heartbeatEveryMs = HOLD_HEARTBEAT_MS,
): Promise<void> {
  const until = Date.now() + ms;
  for (let left = ms; left > 0; left = until - Date.now()) {
    await delay(Math.min(left, heartbeatEveryMs), undefined, { signal: hold.signal });
    if (until - Date.now() > 0) await hold.heartbeat?.();
  }
}

/** Exponential backoff with full jitter, capped; a wait the other side asked for comes first. */
export function backoffMs(
  attempt: number,
  baseMs: number,
  maxMs: number,
  askedMs?: number,
): number {
  if (askedMs !== undefined) return Math.min(Math.max(askedMs, baseMs), maxMs);
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (Math.random() * ceiling) / 2);
}
