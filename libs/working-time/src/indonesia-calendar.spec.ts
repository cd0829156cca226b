import indonesia from '../data/indonesia.json';
import { DayOffKind, parseCalendarDefinition, type DayOff } from './calendar-definition';
import { parseJakartaDate, weekdayOf } from './jakarta-clock';

const { days } = parseCalendarDefinition(indonesia, 'data/indonesia.json');

function datesOf(year: number, kind: DayOffKind): string[] {
  return days
    .filter((day: DayOff) => day.date.startsWith(`${year}-`) && day.kind === kind)
    .map((day) => day.date);
}

describe('the shipped Indonesian calendar', () => {
  it('holds the 17 national holidays of 2026 of SKB 1497/2/5 Tahun 2025', () => {
    expect(datesOf(2026, DayOffKind.NATIONAL_HOLIDAY)).toEqual([
      '2026-01-01', // Tahun Baru Masehi
      '2026-01-16', // Isra Mikraj
      '2026-02-17', // Imlek 2577
      '2026-03-19', // Nyepi, Saka 1948
      '2026-03-21', // Idulfitri 1447 H
      '2026-03-22',
      '2026-04-03', // Wafat Yesus Kristus
      '2026-04-05', // Paskah
      '2026-05-01', // Hari Buruh
      '2026-05-14', // Kenaikan Yesus Kristus
      '2026-05-27', // Iduladha 1447 H
      '2026-05-31', // Waisak 2570
      '2026-06-01', // Hari Lahir Pancasila
      '2026-06-16', // 1 Muharam 1448 H
      '2026-08-17', // Proklamasi Kemerdekaan
      '2026-08-25', // Maulid Nabi
      '2026-12-25', // Natal
    ]);
  });

  it('holds the 8 days of cuti bersama of 2026', () => {
    expect(datesOf(2026, DayOffKind.COLLECTIVE_LEAVE)).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
  });

  it('holds 2025 with the cuti bersama of 18 August added in August 2025', () => {
    expect(datesOf(2025, DayOffKind.NATIONAL_HOLIDAY)).toHaveLength(17);
    expect(datesOf(2025, DayOffKind.COLLECTIVE_LEAVE)).toEqual([
      '2025-01-28',
      '2025-03-28',
      '2025-04-02',
      '2025-04-03',
      '2025-04-04',
      '2025-04-07',
      '2025-05-13',
      '2025-05-30',
      '2025-06-09',
      '2025-08-18',
      '2025-12-26',
    ]);
  });

  it('puts every cuti bersama on a weekday', () => {
    const onWeekends = days
      .filter((day) => day.kind === DayOffKind.COLLECTIVE_LEAVE)
      .filter((day) => [0, 6].includes(weekdayOf(parseJakartaDate(day.date)!)));
    expect(onWeekends).toEqual([]);
  });

  it('names the decrees it comes from', () => {
    const references = indonesia.sources.map((source) => source.reference).join('\n');
    expect(references).toContain('Nomor 1497 Tahun 2025, Nomor 2 Tahun 2025, Nomor 5 Tahun 2025');
    expect(references).toContain('Nomor 1017 Tahun 2024');
  });
});
