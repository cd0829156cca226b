import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import districtCodes from '../../data/district-codes.json';

/** The official region list the shipped codes are generated from. */
const WILAYAH = join(__dirname, '../../data/wilayah.tsv');

describe('district codes checked in NIKs', () => {
  it('are exactly the kecamatan of wilayah.tsv', () => {
    const official = readFileSync(WILAYAH, 'utf8')
      .split('\n')
      .map((line) => line.split('\t')[0])
      .filter((code) => /^\d{2}\.\d{2}\.\d{2}$/.test(code))
      .map((code) => code.replace(/\./g, ''));
    expect(districtCodes).toEqual(official);
  });

  it('include every kecamatan of Batam (21.71)', () => {
    expect(districtCodes.filter((code) => code.startsWith('2171'))).toHaveLength(12);
  });
});
