import { checkEmailAddress } from './email-address';

describe('checkEmailAddress', () => {
  it.each([
    'warga@example.id',
    'siti.aminah+mpp@batam.go.id',
    "o'neil@example.co.id",
    'a@b.co',
    'kantor@xn--bcher-kva.example',
    'user@sub-domain.example.xn--p1ai',
  ])('accepts %s', (value) => {
    expect(checkEmailAddress(value)).toEqual({ valid: true });
  });

  it.each([
    ['no @', 'warga.example.id'],
    ['nothing before the @', '@example.id'],
    ['two @', 'warga@rumah@example.id'],
    ['a bare host name', 'warga@localhost'],
    ['an IP literal', 'warga@[127.0.0.1]'],
    ['a numeric top-level domain', 'warga@example.123'],
    ['a leading dot', '.warga@example.id'],
    ['two dots in a row', 'siti..aminah@example.id'],
    ['a quoted local part', '"siti aminah"@example.id'],
    ['a space', 'siti aminah@example.id'],
    ['a label starting with a hyphen', 'warga@-example.id'],
    ['a label longer than 63', `warga@${'a'.repeat(64)}.id`],
    ['non-ASCII', 'wargä@example.id'],
    ['a trailing newline', 'warga@example.id\n'],
  ])('refuses %s', (_case, value) => {
    expect(checkEmailAddress(value)).toEqual({ valid: false, problem: 'format' });
  });

  it('refuses a local part over 64 characters and an address over 254', () => {
    expect(checkEmailAddress(`${'a'.repeat(65)}@example.id`)).toEqual({
      valid: false,
      problem: 'length',
    });
    const longDomain = `${['a', 'b', 'c', 'd'].map((c) => c.repeat(63)).join('.')}.id`;
    expect(checkEmailAddress(`warga@${longDomain}`)).toEqual({ valid: false, problem: 'length' });
  });
});
