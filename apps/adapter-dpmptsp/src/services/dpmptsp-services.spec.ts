import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { isServiceCode } from '@mpp/contracts';
import { addDomainFormats } from '@mpp/validation';
import { DPMPTSP_ADAPTER } from '../dpmptsp.adapter';

const ajv = addDomainFormats(addFormats(new Ajv({ allErrors: true, strict: false })));
const { services } = DPMPTSP_ADAPTER.definition;
const schemaOf = (code: string) => services.find((service) => service.code === code)!.dataSchema;

const LOCATION = {
  alamat: 'Jl. Engku Putri No. 1, Komplek Ruko Mega Legenda',
  kelurahan: 'Teluk Tering',
  kecamatan: 'Batam Kota',
  kodePos: '29461',
};

describe('DPMPTSP service descriptors', () => {
  it('announce NIB and PBG with valid codes, the published standard and JSON Schemas', () => {
    expect(services.map((service) => service.code)).toEqual(['dpmptsp.nib', 'dpmptsp.pbg']);
    for (const descriptor of services) {
      expect(isServiceCode(descriptor.code)).toBe(true);
      expect(descriptor.legalBasis.length).toBeGreaterThan(0);
      expect(() => ajv.compile(descriptor.dataSchema)).not.toThrow();
    }
    const [nib, pbg] = services;
    expect(nib.standardTime).toEqual({ value: 1, unit: 'working_hours' });
    expect(nib.fee).toEqual({ amount: 0 });
    expect(pbg.standardTime).toEqual({ value: 28, unit: 'working_days' });
    expect(pbg.fee.rule).toContain('Retribusi PBG');
  });

  it('derive the NIB schema from its DTO, location fields included', () => {
    const validate = ajv.compile(schemaOf('dpmptsp.nib'));
    const valid = {
      ...LOCATION,
      namaUsaha: 'Kedai Kopi Sumber Rejeki',
      bentukUsaha: 'perorangan',
      kbli: ['56303', '47241'],
      skalaUsaha: 'mikro',
      modalUsaha: 50_000_000,
      jumlahTenagaKerja: 3,
      email: 'sumber.rejeki@example.id',
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, nomorSkAhu: 'AHU-0012345.AH.01.01.Tahun 2024' })).toBe(true);
    expect(validate({ ...valid, kbli: [] })).toBe(false);
    expect(validate({ ...valid, kbli: ['5630'] })).toBe(false);
    expect(validate({ ...valid, kbli: ['56303', '56303'] })).toBe(false);
    expect(validate({ ...valid, skalaUsaha: 'raksasa' })).toBe(false);
    expect(validate({ ...valid, email: 'bukan-email' })).toBe(false);
    expect(validate({ ...valid, email: 'usaha@localhost' })).toBe(false);
    expect(validate({ ...valid, kecamatan: 'Tanjungpinang Barat' })).toBe(false);
    expect(validate({ ...valid, kodePos: '12345' })).toBe(false);
    const { alamat: _alamat, ...withoutAddress } = valid;
    expect(validate(withoutAddress)).toBe(false);
    expect(validate({ ...valid, lain: 1 })).toBe(false);
  });

  it('derive the PBG schema from its DTO', () => {
    const validate = ajv.compile(schemaOf('dpmptsp.pbg'));
    const valid = {
      ...LOCATION,
      fungsiBangunan: 'usaha',
      jenisPekerjaan: 'bangunan-baru',
      luasBangunan: 240.5,
      jumlahLantai: 3,
      luasTanah: 180,
      nomorSertifikatTanah: 'SHGB 01234/Teluk Tering',
      nib: '2611280000012',
    };
    expect(validate(valid)).toBe(true);
    const { nib: _nib, ...withoutNib } = valid;
    expect(validate(withoutNib)).toBe(true);
    expect(validate({ ...valid, fungsiBangunan: 'gudang' })).toBe(false);
    expect(validate({ ...valid, jumlahLantai: 0 })).toBe(false);
    expect(validate({ ...valid, jumlahLantai: 2.5 })).toBe(false);
    expect(validate({ ...valid, luasBangunan: -1 })).toBe(false);
    expect(validate({ ...valid, nib: '123' })).toBe(false);
    expect(validate({ ...valid, nomorSertifikatTanah: undefined })).toBe(false);
  });
});
