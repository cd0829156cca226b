import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { isServiceCode } from '@mpp/contracts';
import { addDomainFormats } from '@mpp/validation';
import { BPBATAM_ADAPTER } from '../bpbatam.adapter';

const ajv = addDomainFormats(addFormats(new Ajv({ allErrors: true, strict: false })));
const { services } = BPBATAM_ADAPTER.definition;
const schemaOf = (code: string) => services.find((service) => service.code === code)!.dataSchema;

const PARCEL = {
  kecamatan: 'Nongsa',
  lokasiKavling: 'Kawasan Industri Kabil, Kav. 12 Blok B',
  luasM2: 12500.5,
  peruntukan: 'industri',
};

describe('land service descriptors', () => {
  it('announce the two land services with valid codes and JSON Schemas', () => {
    expect(services.map((service) => service.code).sort()).toEqual([
      'bpbatam.alokasi-lahan-baru',
      'bpbatam.perpanjangan-alokasi-lahan',
    ]);
    for (const descriptor of services) {
      expect(isServiceCode(descriptor.code)).toBe(true);
      expect(descriptor.agencyName).toBe('Badan Pengusahaan Batam');
      expect(() => ajv.compile(descriptor.dataSchema)).not.toThrow();
    }
  });

  it('derive the new allocation schema from its DTO, parcel fields included', () => {
    const validate = ajv.compile(schemaOf('bpbatam.alokasi-lahan-baru'));
    const valid = {
      ...PARCEL,
      namaPelakuUsaha: 'PT Batam Presisi Manufaktur',
      nib: '9120001234567',
      npwp: '0012345678901000',
      rencanaPemanfaatan: 'Pabrik komponen elektronik dengan 300 tenaga kerja',
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, panjangGarisPantaiM: 80, rencanaInvestasiRupiah: 25e9 })).toBe(
      true,
    );
    expect(validate({ ...valid, nib: '912000123456' })).toBe(false);
    expect(validate({ ...valid, npwp: '2171011508900001' })).toBe(true); // a resident's NIK
    expect(validate({ ...valid, npwp: '2171013202900001' })).toBe(false); // no real birth date
    expect(validate({ ...valid, npwp: '0000000000000000' })).toBe(false);
    expect(validate({ ...valid, luasM2: 0 })).toBe(false);
    expect(validate({ ...valid, kecamatan: 'Tanjungpinang' })).toBe(false);
    expect(validate({ ...valid, peruntukan: 'tambang' })).toBe(false);
    expect(validate({ ...valid, lain: 1 })).toBe(false);
    const { lokasiKavling: _omitted, ...withoutLocation } = valid;
    expect(validate(withoutLocation)).toBe(false);
  });

  it('derive the extension schema from its DTO, company fields optional', () => {
    const validate = ajv.compile(schemaOf('bpbatam.perpanjangan-alokasi-lahan'));
    const valid = {
      ...PARCEL,
      nomorAlokasiLahan: 'PL/1203/BPB/2006',
      tanggalBerakhirAlokasi: '2036-04-30',
      nopPbb: '217101000100200300',
    };
    expect(validate(valid)).toBe(true);
    expect(validate({ ...valid, nib: '9120001234567', npwp: '0012345678901000' })).toBe(true);
    expect(validate({ ...valid, tanggalBerakhirAlokasi: '30-04-2036' })).toBe(false);
    expect(validate({ ...valid, nopPbb: '2171' })).toBe(false);
    expect(validate({ ...valid, nib: 'bukan-nib' })).toBe(false);
    const { nomorAlokasiLahan: _omitted, ...withoutAllocation } = valid;
    expect(validate(withoutAllocation)).toBe(false);
  });
});
