import { maskFreeText, maskPersonalData, maskPersonalText } from './personal-data';

describe('personal data masking', () => {
  it('masks an application: NIK, names and contact, wherever they sit', () => {
    const masked = maskPersonalData({
      applicationId: '5f0c6a52-2a8f-4f4e-9a57-3f0a4f1f4b11',
      serviceCode: 'disdukcapil.ktp-el-penggantian',
      applicant: {
        nik: '2171015508900001',
        name: 'Siti Aminah',
        contact: { phone: '081234567890', email: 'siti@example.id' },
      },
      data: { alasan: 'hilang', nomorKk: '2171010101010001', namaAyah: 'Ahmad Yani' },
    });
    expect(masked).toEqual({
      applicationId: '5f0c6a52-2a8f-4f4e-9a57-3f0a4f1f4b11',
      serviceCode: 'disdukcapil.ktp-el-penggantian',
      applicant: {
        nik: '2171************',
        name: 'S*** A***',
        contact: { phone: '0812********', email: 's***' },
      },
      data: { alasan: 'hilang', nomorKk: '2171************', namaAyah: 'A*** Y***' },
    });
  });

  it('masks every string below a personal key, in arrays too', () => {
    expect(maskPersonalData({ names: ['Budi', 'Wati'], list: [{ nama: 'Joko' }] })).toEqual({
      names: ['B***', 'W***'],
      list: [{ nama: 'J***' }],
    });
  });

  it('leaves numbers, booleans and null as they are', () => {
    expect(maskPersonalData({ jumlah: 2, ok: true, none: null })).toEqual({
      jumlah: 2,
      ok: true,
      none: null,
    });
  });

  it('masks 16-digit numbers in free text but not longer or shorter ones', () => {
    expect(maskFreeText('NIK 2171015508900001 refused; ref 12345678901234567')).toBe(
      'NIK 2171************ refused; ref 12345678901234567',
    );
  });

  it('masks a name to initials without revealing its length', () => {
    expect(maskPersonalText('Budi Santoso')).toBe('B*** S***');
  });
});
