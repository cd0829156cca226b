import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv({ header: ['a', 'b'], rows: [[1, 'x']] })).toBe('a,b\r\n1,x\r\n');
  });

  it('quotes fields with commas, quotes or line breaks, and doubles the quotes', () => {
    const csv = toCsv({
      header: ['name'],
      rows: [['Dinas A, B'], ['Surat "Keterangan"'], ['dua\nbaris'], ['cr\rlf']],
    });
    expect(csv).toBe(
      'name\r\n"Dinas A, B"\r\n"Surat ""Keterangan"""\r\n"dua\nbaris"\r\n"cr\rlf"\r\n',
    );
  });

  it('leaves missing values empty and writes numbers as they are', () => {
    expect(toCsv({ header: ['a', 'b', 'c'], rows: [[null, undefined, 88.31]] })).toBe(
      'a,b,c\r\n,,88.31\r\n',
    );
  });

  it('keeps non-ASCII text as it is (the response is UTF-8)', () => {
    expect(toCsv({ header: ['kota'], rows: [['Batam — Kepri']] })).toBe(
      'kota\r\nBatam — Kepri\r\n',
    );
  });
});
