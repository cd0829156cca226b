import { isRegisteredNik, isWellFormedNik, outcomeForNik } from './nik-serial';

describe('NIK serial rules', () => {
  it('reads the serial: 9998 needs revision, 9997 is rejected, others are approved', () => {
    expect(outcomeForNik('2171010101909998')).toBe('revise');
    expect(outcomeForNik('2171010101909997')).toBe('reject');
    expect(outcomeForNik('2171010101900001')).toBe('approve');
    expect(outcomeForNik('2171010101909999')).toBe('approve');
  });

  it('treats serial 9999 as not registered', () => {
    expect(isRegisteredNik('2171010101909999')).toBe(false);
    expect(isRegisteredNik('2171010101909998')).toBe(true);
  });

  it('wants exactly sixteen digits', () => {
    expect(isWellFormedNik('0171010101900001')).toBe(true);
    expect(isWellFormedNik('217101010190001')).toBe(false);
    expect(isWellFormedNik('21710101019000012')).toBe(false);
    expect(isWellFormedNik('21710101019O0001')).toBe(false);
  });
});
