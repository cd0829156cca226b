import { InvalidCalendarDefinition, parseCalendarDefinition } from './calendar-definition';

const valid = {
  description: 'documentation is not read',
  years: [2027, 2026],
  days: [
    { date: '2026-12-25', kind: 'national_holiday', name: 'Kelahiran Yesus Kristus' },
    { date: '2026-12-24', kind: 'collective_leave', name: 'Kelahiran Yesus Kristus' },
  ],
};

function problemsOf(raw: unknown): string {
  try {
    parseCalendarDefinition(raw, 'test.json');
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCalendarDefinition);
    return (error as Error).message;
  }
  throw new Error('expected the definition to be refused');
}

describe('parseCalendarDefinition', () => {
  it('keeps the years, sorted, and the days off', () => {
    expect(parseCalendarDefinition(valid, 'test.json')).toEqual({
      years: [2026, 2027],
      days: valid.days,
    });
  });

  it('accepts a covered year without days off', () => {
    expect(parseCalendarDefinition({ years: [2030], days: [] }, 'x').days).toEqual([]);
  });

  it.each([
    ['not an object', [], 'the file must hold a JSON object'],
    ['no years', { days: [] }, '"years" must list the years the file covers'],
    ['a year that is no year', { years: [2026, 'x'], days: [] }, '"years" holds "x"'],
    ['days that are no list', { years: [2026], days: {} }, '"days" must be a list'],
    [
      'an impossible date',
      { years: [2026], days: [{ date: '2026-02-30', kind: 'national_holiday', name: 'x' }] },
      'days[0] has date "2026-02-30"; expected a real date as YYYY-MM-DD',
    ],
    [
      'a date outside the covered years',
      { years: [2026], days: [{ date: '2027-01-01', kind: 'national_holiday', name: 'x' }] },
      'days[0] is in 2027, which "years" does not list',
    ],
    [
      'an unknown kind',
      { years: [2026], days: [{ date: '2026-01-01', kind: 'holiday', name: 'x' }] },
      'days[0] has kind "holiday"; expected one of national_holiday, collective_leave',
    ],
    [
      'a day without a name',
      { years: [2026], days: [{ date: '2026-01-01', kind: 'national_holiday', name: ' ' }] },
      'days[0] needs a name',
    ],
    [
      'a date listed twice',
      {
        years: [2026],
        days: [
          { date: '2026-01-01', kind: 'national_holiday', name: 'a' },
          { date: '2026-01-01', kind: 'collective_leave', name: 'b' },
        ],
      },
      'days[1] repeats 2026-01-01',
    ],
  ])('refuses %s', (_case, raw, problem) => {
    const message = problemsOf(raw);
    expect(message).toContain('test.json is not a valid working calendar');
    expect(message).toContain(problem);
  });

  it('names every problem at once', () => {
    const message = problemsOf({
      years: [2026],
      days: [{ date: 'x', kind: 'national_holiday', name: 'a' }, 'y'],
    });
    expect(message).toContain('days[0]');
    expect(message).toContain('days[1] must be an object');
  });
});
