import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DayOffKind } from './calendar-definition';
import { loadWorkingCalendar } from './load-working-calendar';

describe('loadWorkingCalendar', () => {
  const folder = mkdtempSync(join(tmpdir(), 'working-calendar-'));

  it('ships the Indonesian calendar of 2025 and 2026 by default', () => {
    const calendar = loadWorkingCalendar();
    expect(calendar.coveredYears).toEqual([2025, 2026]);
    expect(calendar.dayOff('2026-03-23')).toEqual({
      date: '2026-03-23',
      kind: DayOffKind.COLLECTIVE_LEAVE,
      name: 'Idulfitri 1447 Hijriah',
    });
  });

  it('reads another file of the same format', () => {
    const file = join(folder, 'batam.json');
    writeFileSync(
      file,
      JSON.stringify({
        years: [2027],
        days: [{ date: '2027-01-01', kind: 'national_holiday', name: 'Tahun Baru 2027 Masehi' }],
      }),
    );
    const calendar = loadWorkingCalendar(file);
    expect(calendar.coveredYears).toEqual([2027]);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-23')).toBe(true);
  });

  it('says which file cannot be read', () => {
    const missing = join(folder, 'missing.json');
    expect(() => loadWorkingCalendar(missing)).toThrow(
      `cannot read the working calendar ${missing}`,
    );
    const broken = join(folder, 'broken.json');
    writeFileSync(broken, '{"years": [');
    expect(() => loadWorkingCalendar(broken)).toThrow(`cannot read the working calendar ${broken}`);
  });

  it('says what is wrong with a file that is not a calendar', () => {
    const file = join(folder, 'wrong.json');
    writeFileSync(file, JSON.stringify({ years: [2026], days: [{ date: '2026-01-01' }] }));
    expect(() => loadWorkingCalendar(file)).toThrow(`${file} is not a valid working calendar`);
  });
});
