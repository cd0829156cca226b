export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/**
 * Asia/Jakarta (WIB) has been UTC+07:00 all year since 1964 and observes no daylight saving
 * time, so a fixed offset is exact for every moment this system handles; no time-zone database
 * is needed. jakarta-clock.spec.ts checks this against the runtime's IANA data.
 */
export const JAKARTA_UTC_OFFSET_MS = 7 * HOUR_MS;

/** Days since 1970-01-01 on the Jakarta calendar. */
export type JakartaDay = number;

export function jakartaDayOf(epochMs: number): JakartaDay {
  return Math.floor((epochMs + JAKARTA_UTC_OFFSET_MS) / DAY_MS);
}

/** The moment a Jakarta day starts (00:00 WIB), in epoch milliseconds. */
export function startOfJakartaDay(day: JakartaDay): number {
  return day * DAY_MS - JAKARTA_UTC_OFFSET_MS;
}

/** Milliseconds since 00:00 WIB of the moment's own day. */
export function jakartaTimeOfDay(epochMs: number): number {
  return epochMs - startOfJakartaDay(jakartaDayOf(epochMs));
}

/** 0 for Sunday through 6 for Saturday. */
export function weekdayOf(day: JakartaDay): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses `YYYY-MM-DD` as a Jakarta day; undefined when it is no real date. */
export function parseJakartaDate(date: string): JakartaDay | undefined {
  const match = ISO_DATE.exec(date);
  if (!match) return undefined;
  const [year, month, dayOfMonth] = match.slice(1).map(Number);
  const utc = Date.UTC(year, month - 1, dayOfMonth);
  const roundTrip = new Date(utc);
  if (
    roundTrip.getUTCFullYear() !== year ||
    roundTrip.getUTCMonth() !== month - 1 ||
    roundTrip.getUTCDate() !== dayOfMonth
  ) {
    return undefined;
  }
  return utc / DAY_MS;
}

/** `YYYY-MM-DD` of a Jakarta day. */
export function formatJakartaDate(day: JakartaDay): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 00:00 WIB of a `YYYY-MM-DD` date; undefined when it is no real date. */
export function startOfJakartaDate(date: string): Date | undefined {
  const day = parseJakartaDate(date);
  return day === undefined ? undefined : new Date(startOfJakartaDay(day));
}

/** The year on the Jakarta calendar at a moment. */
export function jakartaYearOf(at: Date): number {
  return Number(formatJakartaDate(jakartaDayOf(at.getTime())).slice(0, 4));
}
