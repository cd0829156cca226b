import { checkNpwp } from './npwp';

const TODAY = new Date('2026-11-28T00:00:00Z');

describe('checkNpwp', () => {
  it('reads a resident individual by the NIK it is', () => {
    expect(checkNpwp('2171011508900001', TODAY)).toEqual({
      valid: true,
      holder: 'resident-individual',
    });
  });

  it('reads "0" and the old 15 digits as an entity, agency or non-resident', () => {
    expect(checkNpwp('0012345678901000', TODAY)).toEqual({ valid: true, holder: 'other' });
  });

  it.each([
    ['15 digits (the old NPWP without its leading 0)', '012345678901000', 'format'],
    ['the old dotted form', '01.234.567.8-901.000', 'format'],
    ['17 digits', '00123456789010001', 'format'],
    ['all zeros', '0000000000000000', 'placeholder'],
  ])('refuses %s', (_case, value, problem) => {
    expect(checkNpwp(value, TODAY)).toEqual({ valid: false, problem });
  });

  it.each([
    ['an unknown region', '9971011508900001', 'region'],
    ['an impossible birth date', '2171013202900001', 'birth-date'],
    ['serial 0000', '2171011508900000', 'serial'],
  ])('refuses an individual NPWP that is no NIK: %s', (_case, value, nikProblem) => {
    expect(checkNpwp(value, TODAY)).toEqual({ valid: false, problem: 'not-nik', nikProblem });
  });
});
