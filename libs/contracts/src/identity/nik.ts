import districtCodes from '../../data/district-codes.json';

const KNOWN_DISTRICTS: ReadonlySet<string> = new Set(districtCodes);

export type NikProblem = 'format' | 'region' | 'birth-date' | 'serial';

export interface ParsedNik {
  provinceCode: string;
  regencyCode: string;
  districtCode: string;
  birthDate: string; // YYYY-MM-DD
  sex: 'F' | 'M';
  serial: string;
}

export type NikCheck = { valid: true; nik: ParsedNik } | { valid: false; problem: NikProblem };

/**
 * Checks a Nomor Induk Kependudukan (DESIGN.md §4): 16 digits; the first six name a district
 * in the official region list; then DDMMYY with 40 added to the day for women; then a serial
 * from 0001. The two-digit year is read in the latest century that does not put the birth
 * date after `today`.
 */
export function checkNik(value: string, today: Date = new Date()): NikCheck {
  if (!/^\d{16}$/.test(value)) return { valid: false, problem: 'format' };
  const district = value.slice(0, 6);
  if (!KNOWN_DISTRICTS.has(district)) return { valid: false, problem: 'region' };

  const rawDay = Number(value.slice(6, 8));
  const month = Number(value.slice(8, 10));
  const yy = Number(value.slice(10, 12));
  const sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  const thisYear = today.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + yy;
  if (year > thisYear) year -= 100;
  const birth = new Date(Date.UTC(year, month - 1, day));
  const realDate =
    day >= 1 &&
    birth.getUTCFullYear() === year &&
    birth.getUTCMonth() === month - 1 &&
    birth.getUTCDate() === day;
  if (!realDate || birth.getTime() > today.getTime()) {
    return { valid: false, problem: 'birth-date' };
  }
  const serial = value.slice(12);
  if (serial === '0000') return { valid: false, problem: 'serial' };

  return {
    valid: true,
    nik: {
      provinceCode: value.slice(0, 2),
      regencyCode: value.slice(0, 4),
      districtCode: district,
      birthDate: birth.toISOString().slice(0, 10),
      sex,
      serial,
    },
  };
}

export function isValidNik(value: string): boolean {
  return checkNik(value).valid;
}

/** Masks a NIK for logs and messages: region prefix kept, the rest hidden. */
export function maskNik(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(Math.max(0, value.length - 4));
}

/** Free text (an error, a message preview) with every 16-digit number masked as a NIK. */
export function maskNiksIn(text: string): string {
  return text.replace(/(?<!\d)\d{16}(?!\d)/g, (nik) => maskNik(nik));
}
