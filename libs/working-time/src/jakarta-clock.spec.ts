import {
  DAY_MS,
  HOUR_MS,
  formatJakartaDate,
  jakartaYearOf,
  jakartaDayOf,
  jakartaTimeOfDay,
  parseJakartaDate,
  startOfJakartaDate,
  startOfJakartaDay,
  weekdayOf,
} from './jakarta-clock';

const jakartaParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Jakarta',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});

function viaTimeZoneDatabase(epochMs: number) {
  const parts = Object.fromEntries(
    jakartaParts.formatToParts(new Date(epochMs)).map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(parts.weekday),
  };
}

describe('the Jakarta clock', () => {
  it('agrees with the IANA time-zone database from 1970 to 2100 (a fixed UTC+7)', () => {
    const first = Date.UTC(1970, 0, 1);
    const last = Date.UTC(2100, 0, 1);
    // Every 7 days and 5 hours: visits every weekday and many hours of the day.
    for (let at = first; at < last; at += 7 * DAY_MS + 5 * HOUR_MS) {
      const expected = viaTimeZoneDatabase(at);
      const day = jakartaDayOf(at);
      expect(formatJakartaDate(day)).toBe(expected.date);
      expect(Math.floor(jakartaTimeOfDay(at) / 60_000)).toBe(expected.minutes);
      expect(weekdayOf(day)).toBe(expected.weekday);
    }
  });

  it('puts 17:00 UTC, midnight in Jakarta, on the next Jakarta day', () => {
    const before = Date.parse('2026-03-16T16:59:59.999Z');
    const midnight = Date.parse('2026-03-16T17:00:00Z');
    expect(formatJakartaDate(jakartaDayOf(before))).toBe('2026-03-16');
    expect(formatJakartaDate(jakartaDayOf(midnight))).toBe('2026-03-17');
    expect(startOfJakartaDay(jakartaDayOf(midnight))).toBe(midnight);
    expect(jakartaTimeOfDay(midnight)).toBe(0);
  });

  it('names weekdays with Sunday as 0', () => {
    expect(weekdayOf(parseJakartaDate('2026-03-15')!)).toBe(0); // Sunday
    expect(weekdayOf(parseJakartaDate('2026-03-16')!)).toBe(1); // Monday
    expect(weekdayOf(parseJakartaDate('2026-03-21')!)).toBe(6); // Saturday
    expect(weekdayOf(parseJakartaDate('1969-12-31')!)).toBe(3); // Wednesday, before the epoch
  });

  it('reads only real YYYY-MM-DD dates', () => {
    expect(parseJakartaDate('2028-02-29')).toBe(Date.UTC(2028, 1, 29) / DAY_MS);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-04-31', '2026-3-1', '20260301', '']) {
      expect(parseJakartaDate(bad)).toBeUndefined();
    }
  });
});

describe('startOfJakartaDate', () => {
  it('is midnight WIB, 17:00 UTC the day before', () => {
    expect(startOfJakartaDate('2026-03-01')).toEqual(new Date('2026-02-28T17:00:00Z'));
    expect(startOfJakartaDate('2026-02-30')).toBeUndefined();
  });
});

describe('jakartaYearOf', () => {
  it('turns the year at midnight WIB, seven hours before UTC', () => {
    expect(jakartaYearOf(new Date('2026-12-31T16:59:59Z'))).toBe(2026);
    expect(jakartaYearOf(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });
});
