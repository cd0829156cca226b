/**
 * - `format`: not `0`, `62` or `+62` followed by a national number of digits only;
 * - `mobile`: a mobile prefix (8) with a wrong length or a range not used for mobiles;
 * - `landline`: an area code with too few or too many subscriber digits.
 */
export type PhoneNumberProblem = 'format' | 'mobile' | 'landline';

export type PhoneNumberCheck =
  | { valid: true; kind: 'mobile' | 'landline'; e164: string }
  | { valid: false; problem: PhoneNumberProblem };

/** Jakarta, Bandung, Semarang, Surabaya and Medan; every other area code has three digits. */
const TWO_DIGIT_AREA_CODES: ReadonlySet<string> = new Set(['21', '22', '24', '31', '61']);

/**
 * An Indonesian telephone number, digits only, with the trunk prefix (`081234567890`,
 * `0778461234`) or the country code (`+6281234567890`, `6281234567890`).
 *
 * The national significant number (NSN, what follows `0` or `62`) follows the numbering plan
 * for +62 as Google's libphonenumber records it (PhoneNumberMetadata.xml, territory ID):
 * - mobile: `8` then `1`-`3` or `5`-`9`, 9 to 12 digits in all (`80x` are toll-free and premium
 *   numbers, `84x` is unallocated);
 * - landline: area code and subscriber number. The two-digit area codes above take 7 or 8
 *   subscriber digits; the three-digit ones (starting `2`-`7` or `9`, Batam's is 778) take 5 to 8.
 * Short codes (`1xx`) and service numbers are not a person's contact number.
 */
export function checkPhoneNumber(value: string): PhoneNumberCheck {
  const national = /^(?:\+62|62|0)([1-9]\d*)$/.exec(value)?.[1];
  if (!national) return { valid: false, problem: 'format' };
  if (national.startsWith('8')) {
    return /^8[1-35-9]\d{7,10}$/.test(national)
      ? { valid: true, kind: 'mobile', e164: `+62${national}` }
      : { valid: false, problem: 'mobile' };
  }
  if (!/^[2-79]/.test(national)) return { valid: false, problem: 'format' };
  const twoDigitArea = TWO_DIGIT_AREA_CODES.has(national.slice(0, 2));
  const subscriberDigits = national.length - (twoDigitArea ? 2 : 3);
  const [fewest, most] = twoDigitArea ? [7, 8] : [5, 8];
  return subscriberDigits >= fewest && subscriberDigits <= most
    ? { valid: true, kind: 'landline', e164: `+62${national}` }
    : { valid: false, problem: 'landline' };
}
