import { checkSubmission, SubmissionRefused, type SubmissionFields } from './submission-check';

const NAMES = { reference: 'ref', service: 'kode', nik: 'nik', nama: 'nama', data: 'data' };
const SERVICES = ['NIB', 'PBG'] as const;

function fields(overrides: Partial<SubmissionFields> = {}): SubmissionFields {
  return {
    reference: 'app-1',
    service: 'NIB',
    nik: '2171010101900001',
    nama: 'Siti Aminah',
    data: { kbli: '47111' },
    ...overrides,
  };
}

function refusalOf(overrides: Partial<SubmissionFields>): SubmissionRefused {
  try {
    checkSubmission(fields(overrides), NAMES, SERVICES);
  } catch (error) {
    if (error instanceof SubmissionRefused) return error;
    throw error;
  }
  throw new Error('the submission was accepted');
}

describe('checkSubmission', () => {
  it('accepts a complete submission and reads its outcome from the NIK', () => {
    expect(checkSubmission(fields({ nik: '2171010101909998' }), NAMES, SERVICES)).toEqual({
      reference: 'app-1',
      service: 'NIB',
      nik: '2171010101909998',
      nama: 'Siti Aminah',
      data: { kbli: '47111' },
      outcome: 'revise',
    });
  });

  it('names every missing or blank field by its wire name', () => {
    const refusal = refusalOf({ reference: ' ', nama: 42, data: undefined });
    expect(refusal.reason).toBe('incomplete');
    expect(refusal.message).toBe('Wajib diisi: ref, nama, data');
  });

  it.each([
    ['an unknown service', { service: 'SIUP' }, 'unknownService', /kode SIUP/],
    ['data that is not an object', { data: [1, 2] }, 'incomplete', /data harus berupa objek/],
    ['data that is text', { data: 'alasan=hilang' }, 'incomplete', /objek JSON/],
    ['a NIK of fifteen digits', { nik: '217101010190001' }, 'incomplete', /16 digit/],
    ['a NIK with serial 9999', { nik: '2171010101909999' }, 'nikNotRegistered', /tidak terdaftar/],
  ])('refuses %s', (_what, change, reason, message) => {
    const refusal = refusalOf(change);
    expect(refusal.reason).toBe(reason);
    expect(refusal.message).toMatch(message);
  });
});
