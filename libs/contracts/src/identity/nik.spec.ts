import { checkNik, maskNik, maskNiksIn } from './nik';

const TODAY = new Date('2026-11-28T00:00:00Z');

describe('checkNik', () => {
  it('reads a man born in Batam', () => {
    expect(checkNik('2171011508900001', TODAY)).toEqual({
      valid: true,
      nik: {
        provinceCode: '21',
        regencyCode: '2171',
        districtCode: '217101',
        birthDate: '1990-08-15',
        sex: 'M',
        serial: '0001',
      },
    });
  });

  it('reads 40 added to the day as a woman', () => {
    const result = checkNik('2171015508900002', TODAY);
    expect(result).toMatchObject({ valid: true, nik: { birthDate: '1990-08-15', sex: 'F' } });
  });

  it('reads a two-digit year in the latest century that is not in the future', () => {
    expect(checkNik('2171010101250001', TODAY)).toMatchObject({ nik: { birthDate: '2025-01-01' } });
    expect(checkNik('2171010101300001', TODAY)).toMatchObject({ nik: { birthDate: '1930-01-01' } });
  });

  it.each([
    ['too short', '217101150890001', 'format'],
    ['letters', '21710115089A0001', 'format'],
    ['unknown province', '9971011508900001', 'region'],
    ['unknown district in a real regency', '2171991508900001', 'region'],
    ['day 32', '2171013208900001', 'birth-date'],
    ['day 0', '2171010008900001', 'birth-date'],
    ['day 72 (woman, 32)', '2171017208900001', 'birth-date'],
    ['month 13', '2171011513900001', 'birth-date'],
    ['30 February', '2171013002900001', 'birth-date'],
    ['29 February of a common year', '2171012902010001', 'birth-date'],
    ['serial 0000', '2171011508900000', 'serial'],
  ])('refuses %s', (_case, nik, problem) => {
    expect(checkNik(nik, TODAY)).toEqual({ valid: false, problem });
  });

  it('accepts 29 February of a leap year, for women too', () => {
    expect(checkNik('2171016902000001', TODAY)).toMatchObject({
      valid: true,
      nik: { birthDate: '2000-02-29', sex: 'F' },
    });
  });

  it('refuses a birth date after today', () => {
    expect(checkNik('2171012811260001', TODAY)).toMatchObject({ valid: true });
    expect(checkNik('2171012911260001', TODAY)).toEqual({ valid: false, problem: 'birth-date' });
  });

  it('masks all but the province and regency', () => {
    expect(maskNik('2171011508900001')).toBe('2171************');
  });

  it('masks every 16-digit number in free text, and no other number', () => {
    expect(maskNiksIn('nik 2171011508900001, nib 9120001234567, 21710115089000011')).toBe(
      'nik 2171************, nib 9120001234567, 21710115089000011',
    );
  });
});
