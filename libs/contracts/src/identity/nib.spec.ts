import { checkNib } from './nib';

describe('checkNib', () => {
  it('accepts 13 digits', () => {
    expect(checkNib('9120001234567')).toEqual({ valid: true });
  });

  it.each([
    ['12 digits', '912000123456'],
    ['14 digits', '91200012345678'],
    ['a letter', '912000123456A'],
    ['separators', '9120-0012-34567'],
    ['surrounding spaces', ' 9120001234567 '],
    ['nothing', ''],
  ])('refuses %s', (_case, value) => {
    expect(checkNib(value)).toEqual({ valid: false, problem: 'format' });
  });
});
