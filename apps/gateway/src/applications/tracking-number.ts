import { randomInt } from 'node:crypto';

/** Crockford's base-32 alphabet: no I, L, O or U, so it reads aloud without confusion. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BODY_LENGTH = 10; // 50 random bits

/**
 * Luhn mod N check character: catches every single-character error and every transposition
 * of adjacent characters but 0↔Z, the mistakes people make reading a number aloud. (A mod-37
 * check would catch that pair too, at the price of symbols such as `*` and `~` on receipts.)
 */
function checkCharacter(body: string): string {
  const n = ALPHABET.length;
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(body[i]);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / n) + (addend % n);
    sum += addend;
  }
  return ALPHABET[(n - (sum % n)) % n];
}

function format(compact: string): string {
  return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}

export const TrackingNumber = {
  /** A new number such as `K7QM-2XHD-9RW`: 10 random characters and a check character. */
  generate(): string {
    let body = '';
    for (let i = 0; i < BODY_LENGTH; i++) body += ALPHABET[randomInt(ALPHABET.length)];
    return format(body + checkCharacter(body));
  },

  /**
   * Reads a number as typed or heard: case, spaces and dashes are ignored, and O/I/L are read
   * as 0/1/1. Returns the canonical form, or undefined when it is not a valid number.
   */
  normalize(input: string): string | undefined {
    if (input.length > 40) return undefined;
    const compact = input
      .toUpperCase()
      .replace(/[\s-]/g, '')
      .replace(/O/g, '0')
      .replace(/[IL]/g, '1');
    if (compact.length !== BODY_LENGTH + 1) return undefined;
    if ([...compact].some((char) => !ALPHABET.includes(char))) return undefined;
    const body = compact.slice(0, BODY_LENGTH);
    if (checkCharacter(body) !== compact[BODY_LENGTH]) return undefined;
    return format(compact);
  },
};
