import { readFileSync } from 'node:fs';
import indonesia from '../data/indonesia.json';
import { parseCalendarDefinition } from './calendar-definition';
import { WorkingCalendar } from './working-calendar';

/**
 * The working calendar from a calendar file (WORKING_CALENDAR_FILE), or the Indonesian national
 * holidays and cuti bersama shipped in libs/working-time/data when none is named.
 */
export function loadWorkingCalendar(file?: string): WorkingCalendar {
  if (!file) {
    return new WorkingCalendar(parseCalendarDefinition(indonesia, 'the built-in calendar'));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the working calendar ${file}: ${String(error)}`);
  }
  return new WorkingCalendar(parseCalendarDefinition(raw, file));
}
