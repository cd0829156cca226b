import { randomInt } from 'node:crypto';

const WIB_OFFSET_MS = 7 * 3600 * 1000;
const SERIAL_SPACE = 1_000_000;

/** A system's running six-digit serial, the part of its numbers that tells cases apart. */
export class CaseNumbering {
  // A random start keeps numbers from repeating across simulator restarts.
  private sequence = randomInt(0, SERIAL_SPACE / 2);

  next(): string {
    this.sequence = (this.sequence + 1) % SERIAL_SPACE;
    return String(this.sequence).padStart(6, '0');
  }
}

export interface CalendarDate {
  yyyy: string;
  mm: string;
  dd: string;
}

/** The date in WIB (UTC+7), the agencies' local date, for the numbers they print. */
export function wibDate(at: Date): CalendarDate {
  const [yyyy, mm, dd] = new Date(at.getTime() + WIB_OFFSET_MS)
    .toISOString()
    .slice(0, 10)
    .split('-');
  return { yyyy, mm, dd };
}
