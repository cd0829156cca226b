import { maskNik } from '@mpp/contracts';

/** Keys whose values identify a person: NIK, names, contact details, addresses. */
const PERSONAL_KEY = /nik|nama|name|phone|telepon|email|alamat|address/i;
const SIXTEEN_DIGITS = /(?<!\d)\d{16}(?!\d)/g;

/** Free text with every 16-digit number (a NIK, a family card number) masked. */
export function maskFreeText(text: string): string {
  return text.replace(SIXTEEN_DIGITS, (digits) => maskNik(digits));
}

/** A name or contact as initials: "Budi Santoso" → "B*** S***". */
export function maskPersonalText(text: string): string {
  if (/^[\d\s+-]+$/.test(text)) return maskNik(text.replace(/[\s+-]/g, ''));
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => `${[...word][0]}***`)
    .join(' ');
}

/**
 * A JSON value with personal data masked, for showing to operators: every string under a
 * personal key is masked, and a 16-digit number anywhere else too.
 */
export function maskPersonalData(value: unknown, personal = false): unknown {
  if (typeof value === 'string') return personal ? maskPersonalText(value) : maskFreeText(value);
  if (Array.isArray(value)) return value.map((item) => maskPersonalData(item, personal));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        maskPersonalData(item, personal || PERSONAL_KEY.test(key)),
      ]),
    );
  }
  return value;
}
