import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { isServiceCode } from '@mpp/contracts';
import { addDomainFormats } from '@mpp/validation';
import { DISDUKCAPIL_ADAPTER } from '../disdukcapil.adapter';

const ajv = addDomainFormats(addFormats(new Ajv({ allErrors: true, strict: false })));
const { services } = DISDUKCAPIL_ADAPTER.definition;
const schemaOf = (code: string) => services.find((service) => service.code === code)!.dataSchema;

describe('civil registry service descriptors', () => {
  it('announce the three civil-registry services with valid codes and JSON Schemas', () => {
    expect(services.map((service) => service.code).sort()).toEqual([
      'disdukcapil.akta-kelahiran',
      'disdukcapil.kk-perubahan',
      'disdukcapil.ktp-el-penggantian',
    ]);
    for (const descriptor of services) {
      expect(isServiceCode(descriptor.code)).toBe(true);
      expect(() => ajv.compile(descriptor.dataSchema)).not.toThrow();
    }
  });

  it('derive the KTP replacement schema from its DTO', () => {
    const validate = ajv.compile(schemaOf('disdukcapil.ktp-el-penggantian'));
    expect(validate({ alasan: 'hilang', nomorKk: '2171010101010001' })).toBe(true);
    expect(validate({ alasan: 'dicuri', nomorKk: '2171010101010001' })).toBe(false);
    expect(validate({ alasan: 'rusak', nomorKk: '123' })).toBe(false);
    expect(validate({ alasan: 'rusak' })).toBe(false);
    expect(validate({ alasan: 'rusak', nomorKk: '2171010101010001', lain: 1 })).toBe(false);
  });

  it('derive the birth certificate schema from its DTO', () => {
    const validate = ajv.compile(schemaOf('disdukcapil.akta-kelahiran'));
    const valid = {
      namaAnak: 'Putri',
      tanggalLahir: '2026-11-01',
      tempatLahir: 'Batam',
      nikIbu: '2171015508900001',
      nikAyah: '2171011508880001',
      nomorKk: '2171010101010001',
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, tanggalLahir: '01-11-2026' })).toBe(false);
  });
});
