import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { IsOptional, IsString } from 'class-validator';
import { targetConstructorToSchema } from 'class-validator-jsonschema';
import { IsEmailAddress, IsIndonesianPhoneNumber, IsNib, IsNpwp } from './domain-decorators';
import { DOMAIN_FIELD_MESSAGES } from './domain-field-messages';
import {
  addDomainFormats,
  domainFormatProblem,
  domainSchemaConverters,
} from './domain-json-schema';

class Business {
  @IsString()
  name!: string;

  @IsNib()
  nib!: string;

  @IsNpwp()
  npwp!: string;

  @IsOptional()
  @IsIndonesianPhoneNumber({ each: true })
  phones?: string[];

  @IsOptional()
  @IsEmailAddress()
  email?: string;
}

const schema = targetConstructorToSchema(Business, {
  additionalConverters: domainSchemaConverters,
});

describe('domain rules in announced JSON Schemas', () => {
  it('name the rule as a string format', () => {
    expect(schema.properties).toEqual({
      name: { type: 'string' },
      nib: { type: 'string', format: 'nib' },
      npwp: { type: 'string', format: 'npwp' },
      phones: { type: 'array', items: { type: 'string', format: 'id-phone-number' } },
      email: { type: 'string', format: 'email' },
    });
    expect(schema.required).toEqual(['name', 'nib', 'npwp']);
  });

  it('are applied by an Ajv that knows the domain formats', () => {
    const ajv = addDomainFormats(addFormats(new Ajv({ allErrors: true })));
    const validate = ajv.compile(schema);
    const valid = { name: 'PT Maju', nib: '9120001234567', npwp: '0012345678901000' };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, phones: ['0778461234'], email: 'a@b.id' })).toBe(true);
    expect(validate({ ...valid, npwp: '2171013202900001' })).toBe(false);
    expect(validate({ ...valid, phones: ['12345'] })).toBe(false);
    expect(validate({ ...valid, email: 'a@localhost' })).toBe(false);
  });

  it('tell which problem a value breaking a format has', () => {
    expect(domainFormatProblem('npwp', '2171013202900001')?.code).toBe('npwpNotNik');
    expect(domainFormatProblem('npwp', 42)?.code).toBe('npwpFormat');
    expect(domainFormatProblem('npwp', '0012345678901000')).toBeUndefined();
    expect(domainFormatProblem('date', 'x')).toBeUndefined();
  });

  it('have a message in Indonesian and English for every code', () => {
    for (const message of Object.values(DOMAIN_FIELD_MESSAGES)) {
      expect(message.id).toBeTruthy();
      expect(message.en).toBeTruthy();
      expect(message.id).not.toBe(message.en);
    }
    expect(Object.keys(DOMAIN_FIELD_MESSAGES)).toContain('nikBirthDate');
  });
});
