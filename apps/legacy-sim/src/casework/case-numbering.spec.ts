import { CaseNumbering, wibDate } from './case-numbering';

describe('CaseNumbering', () => {
  it('hands out distinct six-digit serials', () => {
    const numbering = new CaseNumbering();
    const serials = Array.from({ length: 50 }, () => numbering.next());
    expect(new Set(serials).size).toBe(50);
    for (const serial of serials) expect(serial).toMatch(/^\d{6}$/);
  });
});

describe('wibDate', () => {
  it('is already the next day in Batam from 17:00 UTC', () => {
    expect(wibDate(new Date('2025-03-03T16:59:59Z'))).toEqual({ yyyy: '2025', mm: '03', dd: '03' });
    expect(wibDate(new Date('2025-03-03T17:00:00Z'))).toEqual({ yyyy: '2025', mm: '03', dd: '04' });
  });
});
