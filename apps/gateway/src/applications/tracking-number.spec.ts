import { TrackingNumber } from './tracking-number';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

describe('TrackingNumber', () => {
  it('generates numbers of the form XXXX-XXXX-XXX that validate', () => {
    for (let i = 0; i < 200; i++) {
      const number = TrackingNumber.generate();
      expect(number).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{3}$/);
      expect(TrackingNumber.normalize(number)).toBe(number);
    }
  });

  it('does not repeat itself', () => {
    const seen = new Set(Array.from({ length: 5000 }, () => TrackingNumber.generate()));
    expect(seen.size).toBe(5000);
  });

  it('detects every single-character error', () => {
    const number = TrackingNumber.generate().replace(/-/g, '');
    for (let position = 0; position < number.length; position++) {
      for (const replacement of ALPHABET) {
        if (replacement === number[position]) continue;
        const typo = number.slice(0, position) + replacement + number.slice(position + 1);
        expect(TrackingNumber.normalize(typo)).toBeUndefined();
      }
    }
  });

  it('detects swapped neighbouring characters, except the pair 0 and Z that Luhn mod N cannot see', () => {
    for (let trial = 0; trial < 50; trial++) {
      const number = TrackingNumber.generate().replace(/-/g, '');
      for (let i = 0; i < number.length - 1; i++) {
        if (number[i] === number[i + 1]) continue;
        if ([number[i], number[i + 1]].sort().join('') === '0Z') continue;
        const swapped = number.slice(0, i) + number[i + 1] + number[i] + number.slice(i + 2);
        expect(TrackingNumber.normalize(swapped)).toBeUndefined();
      }
    }
  });

  it('reads numbers as people type them: lower case, spaces, O for 0 and I or L for 1', () => {
    const number = TrackingNumber.generate();
    const typed = number.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l');
    expect(TrackingNumber.normalize(typed)).toBe(number);
  });

  it('refuses wrong lengths and foreign characters', () => {
    expect(TrackingNumber.normalize('')).toBeUndefined();
    expect(TrackingNumber.normalize('ABCD-EFGH-JK')).toBeUndefined();
    expect(TrackingNumber.normalize('ABCD-EFGH-JK!')).toBeUndefined();
    expect(TrackingNumber.normalize('U'.repeat(11))).toBeUndefined();
  });
});
