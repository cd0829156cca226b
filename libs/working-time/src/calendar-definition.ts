import { parseJakartaDate } from './jakarta-clock';

/** Why a weekday is not a working day. */
export const DayOffKind = {
  /** Hari libur nasional. */
  NATIONAL_HOLIDAY: 'national_holiday',
  /** Cuti bersama: collective leave the government sets around holidays. */
  COLLECTIVE_LEAVE: 'collective_leave',
} as const;
export type DayOffKind = (typeof DayOffKind)[keyof typeof DayOffKind];

export interface DayOff {
  /** `YYYY-MM-DD` on the Jakarta calendar. */
  date: string;
  kind: DayOffKind;
  name: string;
}

/**
 * The content of a calendar file (libs/working-time/data/indonesia.json is one): the years it
 * lists completely, and the days off in them. Other top-level fields (description, sources)
 * document the file and are not read.
 */
export interface CalendarDefinition {
  years: number[];
  days: DayOff[];
}

export class InvalidCalendarDefinition extends Error {
  constructor(origin: string, problems: string[]) {
    super(`${origin} is not a valid working calendar: ${problems.join('; ')}`);
    this.name = 'InvalidCalendarDefinition';
  }
}

const KINDS: readonly string[] = Object.values(DayOffKind);

/** Checks a parsed calendar file, naming every problem at once. */
export function parseCalendarDefinition(raw: unknown, origin: string): CalendarDefinition {
  const problems: string[] = [];
  const root = isRecord(raw) ? raw : {};
  if (!isRecord(raw)) problems.push('the file must hold a JSON object');

  const years = Array.isArray(root.years) ? root.years : [];
  if (!Array.isArray(root.years) || years.length === 0) {
    problems.push('"years" must list the years the file covers');
  }
  for (const year of years) {
    if (!Number.isInteger(year) || year < 1970 || year > 9999) {
      problems.push(`"years" holds ${JSON.stringify(year)}, which is no year`);
    }
  }

  const rawDays = Array.isArray(root.days) ? root.days : [];
  if (!Array.isArray(root.days)) problems.push('"days" must be a list');
  const days: DayOff[] = [];
  const seen = new Set<string>();
  rawDays.forEach((entry: unknown, index) => {
    const problem = dayProblem(entry, years);
    if (problem) {
      problems.push(`days[${index}] ${problem}`);
      return;
    }
    const day = entry as DayOff;
    if (seen.has(day.date)) {
      problems.push(`days[${index}] repeats ${day.date}; list a date once, with both names`);
      return;
    }
    seen.add(day.date);
    days.push({ date: day.date, kind: day.kind, name: day.name });
  });

  if (problems.length > 0) throw new InvalidCalendarDefinition(origin, problems);
  return { years: [...(years as number[])].sort((a, b) => a - b), days };
}

function dayProblem(entry: unknown, years: unknown[]): string | undefined {
  if (!isRecord(entry)) return 'must be an object with date, kind and name';
  const { date, kind, name } = entry;
  if (typeof date !== 'string' || parseJakartaDate(date) === undefined) {
    return `has date ${JSON.stringify(date)}; expected a real date as YYYY-MM-DD`;
  }
  if (!years.includes(Number(date.slice(0, 4)))) {
    return `is in ${date.slice(0, 4)}, which "years" does not list`;
  }
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    return `has kind ${JSON.stringify(kind)}; expected one of ${KINDS.join(', ')}`;
  }
  if (typeof name !== 'string' || name.trim() === '') return 'needs a name';
  return undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
