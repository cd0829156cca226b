import { plainToInstance } from 'class-transformer';
import { IsOptional, validateSync } from 'class-validator';
import {
  IsDocumentMediaType,
  IsDocumentName,
  IsDocumentUrl,
  IsEmailAddress,
  IsIndonesianPhoneNumber,
  IsNib,
  IsNik,
  IsNpwp,
  IsSha256,
} from './domain-decorators';

class Applicant {
  @IsNik()
  nik!: string;

  @IsOptional()
  @IsNib()
  nib?: string;

  @IsOptional()
  @IsNpwp()
  npwp?: string;

  @IsOptional()
  @IsIndonesianPhoneNumber()
  phone?: string;

  @IsOptional()
  @IsEmailAddress()
  email?: string;

  @IsOptional()
  @IsSha256({ each: true })
  digests?: string[];

  @IsOptional()
  @IsDocumentMediaType()
  mediaType?: string;

  @IsOptional()
  @IsDocumentUrl()
  url?: string;

  @IsOptional()
  @IsDocumentName()
  fileName?: string;
}

const VALID = { nik: '2171015508900001' };

/** The constraint codes a value breaks, field by field. */
function codes(plain: Record<string, unknown>): Record<string, string[]> {
  const errors = validateSync(plainToInstance(Applicant, { ...VALID, ...plain }));
  return Object.fromEntries(
    errors.map((error) => [error.property, Object.keys(error.constraints ?? {})]),
  );
}

describe('domain rule decorators', () => {
  it('let valid values through', () => {
    expect(
      codes({
        nib: '9120001234567',
        npwp: '0012345678901000',
        phone: '+6281234567890',
        email: 'warga@example.id',
        digests: ['a'.repeat(64)],
        mediaType: 'application/pdf',
        url: 'https://dokumen.batam.go.id/berkas/1',
        fileName: 'kk.pdf',
      }),
    ).toEqual({});
  });

  it.each([
    ['nik', '21710155089', 'nikFormat'],
    ['nik', 21710155089000, 'nikFormat'],
    ['nik', '9971015508900001', 'nikRegion'],
    ['nik', '2171017208900001', 'nikBirthDate'],
    ['nik', '2171015508900000', 'nikSerial'],
    ['nib', '912000123456', 'nibFormat'],
    ['npwp', '012345678901000', 'npwpFormat'],
    ['npwp', '0000000000000000', 'npwpPlaceholder'],
    ['npwp', '2171013202900001', 'npwpNotNik'],
    ['phone', '0812-3456-7890', 'phoneFormat'],
    ['phone', '0812345', 'phoneMobile'],
    ['phone', '07781234', 'phoneLandline'],
    ['email', 'warga@localhost', 'emailFormat'],
    ['email', `${'a'.repeat(65)}@example.id`, 'emailLength'],
    ['digests', ['A'.repeat(64)], 'sha256Format'],
    ['mediaType', 'text/html', 'mediaTypeNotAllowed'],
    ['url', 'http://dokumen.batam.go.id/1', 'documentUrlScheme'],
    ['url', 'https://127.0.0.1/1', 'documentUrlHost'],
    ['fileName', '../kk.pdf', 'documentNameFormat'],
  ])('name exactly one problem: %s %p is %s', (field, value, code) => {
    expect(codes({ [field]: value })).toEqual({ [field]: [code] });
  });

  it('never repeat the value in the message', () => {
    const [error] = validateSync(plainToInstance(Applicant, { nik: '2171017208900001' }));
    expect(Object.values(error.constraints!)).toEqual([
      'The NIK does not hold a real birth date (for women, 40 is added to the day)',
    ]);
  });
});
