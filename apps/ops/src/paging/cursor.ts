import { createHash } from 'node:crypto';
import { Problems } from '../problems/problem';

/** Where the next page starts: the sort key of the last item served. */
export type CursorPosition<K extends string> = Record<K, string>;

export interface Page<T> {
  items: T[];
  /** Opaque; pass it back as `cursor` with the same filters for the next page. */
  nextCursor: string | null;
}

/**
 * Cursors are opaque to clients and bound to the filters they were issued for, so a cursor
 * reused with other filters is refused rather than silently skipping or repeating items.
 */
export function encodeCursor<K extends string>(
  position: CursorPosition<K>,
  filters: object,
): string {
  return Buffer.from(JSON.stringify({ p: position, f: fingerprint(filters) })).toString(
    'base64url',
  );
}

/** Shapes of the values a cursor holds, by key. */
export const CursorValues = {
  instant: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
  sequence: /^\d{1,18}$/,
} as const;

export function decodeCursor<K extends string>(
  cursor: string,
  filters: object,
  shape: Record<K, RegExp>,
): CursorPosition<K> {
  const keys = Object.keys(shape) as K[];
  let parsed: { p?: Record<string, unknown>; f?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor('cursor is not one this API issued');
  }
  const position = parsed?.p;
  if (
    typeof position !== 'object' ||
    position === null ||
    !keys.every((key) => typeof position[key] === 'string' && shape[key].test(position[key]))
  ) {
    throw invalidCursor('cursor is not one this API issued');
  }
  if (parsed.f !== fingerprint(filters)) {
    throw invalidCursor('cursor was issued for other filters');
  }
  return Object.fromEntries(keys.map((key) => [key, position[key]])) as CursorPosition<K>;
}

/** A page from rows fetched with one more than `limit`: the extra row says there is more. */
export function pageOf<T, K extends string>(
  rows: T[],
  limit: number,
  positionOf: (item: T) => CursorPosition<K>,
  filters: object,
): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit && items.length > 0;
  return {
    items,
    nextCursor: more ? encodeCursor(positionOf(items[items.length - 1]), filters) : null,
  };
}

function fingerprint(filters: object): string {
  const canonical = Object.entries(filters)
    .filter(([, value]) => value !== undefined && value !== null)
    .sort(([a], [b]) => a.localeCompare(b));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 12);
}

function invalidCursor(message: string) {
  return Problems.invalidField('cursor', 'cursor', message);
}
