// Regenerates libs/contracts/data/district-codes.json from the official region list (TSV: kode, nama).
const fs = require('node:fs');
const path = require('node:path');

// The region list kept beside it, or another edition given as the argument.
const source = process.argv[2] ?? path.join(__dirname, '../../libs/contracts/data/wilayah.tsv');
const codes = fs
  .readFileSync(source, 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split('\t')[0])
  .filter((code) => /^\d{2}\.\d{2}\.\d{2}$/.test(code))
  .map((code) => code.replace(/\./g, ''));
const target = path.join(__dirname, '../../libs/contracts/data/district-codes.json');
fs.writeFileSync(target, JSON.stringify(codes, null, 2) + '\n');
console.log(`${codes.length} district codes written to ${target}`);
