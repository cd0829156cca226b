import type { CalendarDefinition, DayOff } from './calendar-definition';
import {
  jakartaDayOf,
  jakartaTimeOfDay,
  parseJakartaDate,
  startOfJakartaDay,
  weekdayOf,
  type JakartaDay,
} from './jakarta-clock';
import { CLOSES_AT, OPENS_AT } from './opening-hours';
import { standardDurationMs, type StandardTime } from './service-standard';

/** A stretch of time, start included and end excluded. */
export interface Interval {
  start: Date;
  end: Date;
}

/** Far enough for any service standard; reaching it means the calendar has no working days. */
const MAX_SEARCH_DAYS = 366 * 50;

type Span = readonly [start: number, end: number];

/**
 * Working time at the Mall Pelayanan Publik: Monday to Friday, 08:00-16:00 Asia/Jakarta, less
 * national holidays and cuti bersama. A year the calendar does not list counts its weekdays
 * as working days; `covers` tells whether a year is listed.
 */
export class WorkingCalendar {
  private readonly daysOff = new Map<JakartaDay, DayOff>();
  private readonly years: ReadonlySet<number>;

  constructor(definition: CalendarDefinition) {
    for (const day of definition.days) this.daysOff.set(parseJakartaDate(day.date)!, day);
    this.years = new Set(definition.years);
  }

  /** Whether the calendar lists the days off of this year. */
  covers(year: number): boolean {
    return this.years.has(year);
  }

  get coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** The holiday or cuti bersama on a `YYYY-MM-DD` date, if it is one. */
  dayOff(date: string): DayOff | undefined {
    const day = parseJakartaDate(date);
    return day === undefined ? undefined : this.daysOff.get(day);
  }

  isWorkingDay(date: string): boolean {
    const day = parseJakartaDate(date);
    if (day === undefined) throw new RangeError(`${date} is no YYYY-MM-DD date`);
    return this.isWorkingJakartaDay(day);
  }

  isWorkingTime(at: Date): boolean {
    const time = at.getTime();
    const timeOfDay = jakartaTimeOfDay(time);
    return (
      this.isWorkingJakartaDay(jakartaDayOf(time)) && timeOfDay >= OPENS_AT && timeOfDay < CLOSES_AT
    );
  }

  /** Working milliseconds in [from, to), leaving out the excluded intervals. */
  workingTimeBetween(from: Date, to: Date, excluding: readonly Interval[] = []): number {
    const end = to.getTime();
    let total = 0;
    for (const [start, stop] of this.workingSpansFrom(from.getTime(), excluding)) {
      if (start >= end) break;
      total += Math.min(stop, end) - start;
    }
    return total;
  }

  /**
   * The moment `durationMs` of working time after `from`, not counting the excluded intervals.
   * Time that runs out exactly at closing time ends at 16:00, not at the next opening.
   */
  addWorkingTime(from: Date, durationMs: number, excluding: readonly Interval[] = []): Date {
    if (!Number.isFinite(durationMs) || durationMs < 0) {
      throw new RangeError(`a working duration must be a finite number >= 0, not ${durationMs}`);
    }
    if (durationMs === 0) return new Date(from.getTime());
    let remaining = durationMs;
    for (const [start, stop] of this.workingSpansFrom(from.getTime(), excluding)) {
      if (remaining <= stop - start) return new Date(start + remaining);
      remaining -= stop - start;
    }
    throw new RangeError(`no working time within ${MAX_SEARCH_DAYS} days of ${from.toISOString()}`);
  }

  /**
   * When a service standard started at `start` runs out; excluded intervals (time waiting on
   * the applicant) stop the clock.
   */
  dueTime(start: Date, standard: StandardTime, excluding: readonly Interval[] = []): Date {
    return this.addWorkingTime(start, standardDurationMs(standard), excluding);
  }

  private isWorkingJakartaDay(day: JakartaDay): boolean {
    const weekday = weekdayOf(day);
    return weekday >= 1 && weekday <= 5 && !this.daysOff.has(day);
  }

  /** Opening hours from `from` on, in order, with the excluded intervals cut out. */
  private *workingSpansFrom(from: number, excluding: readonly Interval[]): Generator<Span> {
    const exclusions = mergedSpans(excluding);
    let next = 0;
    const firstDay = jakartaDayOf(from);
    for (let day = firstDay; day < firstDay + MAX_SEARCH_DAYS; day++) {
      if (!this.isWorkingJakartaDay(day)) continue;
      const opens = Math.max(startOfJakartaDay(day) + OPENS_AT, from);
      const closes = startOfJakartaDay(day) + CLOSES_AT;
      if (opens >= closes) continue;
      while (next < exclusions.length && exclusions[next][1] <= opens) next++;
      yield* cutOut([opens, closes], exclusions, next);
    }
  }
}

/** The parts of `span` outside the exclusions, which are sorted and do not overlap. */
function* cutOut(span: Span, exclusions: readonly Span[], first: number): Generator<Span> {
  let start = span[0];
  for (let i = first; i < exclusions.length && exclusions[i][0] < span[1]; i++) {
    if (exclusions[i][0] > start) yield [start, exclusions[i][0]];
    start = Math.max(start, exclusions[i][1]);
  }
  if (start < span[1]) yield [start, span[1]];
}

function mergedSpans(intervals: readonly Interval[]): Span[] {
  const sorted = intervals
    .map(({ start, end }): Span => [start.getTime(), end.getTime()])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
