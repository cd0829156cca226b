import { HOUR_MS } from './jakarta-clock';
import { WORKING_DAY_MS } from './opening-hours';

export type StandardTimeUnit = 'working_hours' | 'working_days';

/** A service's published completion time (waktu penyelesaian), as in its descriptor. */
export interface StandardTime {
  value: number;
  unit: StandardTimeUnit;
}

/**
 * The working time a service standard allows. `working_days` count as N × 8 working hours
 * from the moment the clock starts, so a 1-day service submitted on Monday at 10:00 is due on
 * Tuesday at 10:00, and one submitted before opening or on a day off is due at closing time of
 * the Nth working day. Every applicant gets the same amount of the agency's time, whatever the
 * hour they submit, and the measure is the same one turnaround is measured in.
 */
export function standardDurationMs(standard: StandardTime): number {
  if (!Number.isFinite(standard.value) || standard.value <= 0) {
    throw new RangeError(`a service standard must be a positive number, not ${standard.value}`);
  }
  switch (standard.unit) {
    case 'working_hours':
      return standard.value * HOUR_MS;
    case 'working_days':
      return standard.value * WORKING_DAY_MS;
    default:
      throw new RangeError(`unknown service standard unit ${String(standard.unit)}`);
  }
}
