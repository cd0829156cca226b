import { HOUR_MS } from './jakarta-clock';
import { loadWorkingCalendar } from './load-working-calendar';
import type { Interval } from './working-calendar';

/** A moment on the Jakarta wall clock, `YYYY-MM-DDTHH:mm` or with seconds. */
function wib(local: string): Date {
  return new Date(`${local.length === 16 ? `${local}:00` : local}+07:00`);
}
function between(start: string, end: string): Interval {
  return { start: wib(start), end: wib(end) };
}
const hours = (n: number) => n * HOUR_MS;

// Reference weeks in 2026 (SKB 1497/2/5 Tahun 2025):
//   9-13 March: an ordinary week, 14-15 March a weekend.
//   18 March cuti bersama Nyepi, 19 Nyepi, 20 cuti bersama Idulfitri, 21-22 Idulfitri (a
//   weekend), 23-24 cuti bersama Idulfitri: from Tuesday 17 March the next working day is
//   Wednesday 25 March.
//   14 May Kenaikan Yesus Kristus, 15 May cuti bersama.
//   24 December cuti bersama Natal, 25 December Natal.
const calendar = loadWorkingCalendar();

describe('WorkingCalendar.isWorkingTime', () => {
  it.each([
    ['2026-03-09T07:59:59.999', false, 'a minute before opening'],
    ['2026-03-09T08:00', true, 'opening time'],
    ['2026-03-09T12:00', true, 'midday on a Monday'],
    ['2026-03-13T15:59:59.999', true, 'the last moment of a Friday'],
    ['2026-03-13T16:00', false, 'closing time'],
    ['2026-03-14T10:00', false, 'a Saturday'],
    ['2026-03-15T10:00', false, 'a Sunday'],
    ['2026-03-18T10:00', false, 'cuti bersama Nyepi'],
    ['2026-03-19T10:00', false, 'Nyepi, a national holiday'],
    ['2026-03-23T10:00', false, 'cuti bersama Idulfitri'],
    ['2026-03-25T10:00', true, 'the first working day after Idulfitri'],
    ['2026-05-15T10:00', false, 'cuti bersama after Kenaikan Yesus Kristus'],
    ['2026-12-24T10:00', false, 'cuti bersama Natal'],
  ])('%s is working time: %p (%s)', (moment, expected) => {
    expect(calendar.isWorkingTime(wib(moment))).toBe(expected);
  });

  it('reads the moment on the Jakarta clock, whatever zone it was written in', () => {
    expect(calendar.isWorkingTime(new Date('2026-03-09T01:00:00Z'))).toBe(true);
    expect(calendar.isWorkingTime(new Date('2026-03-09T00:59:59Z'))).toBe(false);
    expect(calendar.isWorkingTime(new Date('2026-03-09T09:00:00Z'))).toBe(false);
    // Sunday 15 March, 20:00 UTC is already Monday 03:00 in Jakarta: not yet open.
    expect(calendar.isWorkingTime(new Date('2026-03-15T20:00:00Z'))).toBe(false);
  });
});

describe('WorkingCalendar days', () => {
  it('tells working days from weekends and days off', () => {
    expect(calendar.isWorkingDay('2026-03-17')).toBe(true);
    expect(calendar.isWorkingDay('2026-03-21')).toBe(false);
    expect(calendar.isWorkingDay('2026-03-24')).toBe(false);
    expect(calendar.dayOff('2026-03-19')?.name).toBe('Hari Suci Nyepi (Tahun Baru Saka 1948)');
    expect(calendar.dayOff('2026-03-17')).toBeUndefined();
    expect(() => calendar.isWorkingDay('17-03-2026')).toThrow(RangeError);
  });

  it('counts only weekends in a year it does not cover, and says so', () => {
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2027)).toBe(false);
    expect(calendar.isWorkingDay('2027-01-01')).toBe(true);
    expect(calendar.isWorkingDay('2027-01-02')).toBe(false);
  });
});

describe('WorkingCalendar.workingTimeBetween', () => {
  it.each([
    ['2026-03-09T09:00', '2026-03-09T11:30', 2.5, 'within one day'],
    [
      '2026-03-09T07:00',
      '2026-03-09T17:00',
      8,
      'a whole day, from before opening to after closing',
    ],
    ['2026-03-09T16:30', '2026-03-10T07:30', 0, 'a night'],
    ['2026-03-13T15:00', '2026-03-16T09:00', 2, 'over a weekend'],
    ['2026-03-14T00:00', '2026-03-16T08:00', 0, 'a weekend up to Monday opening'],
    ['2026-03-17T15:00', '2026-03-25T09:00', 2, 'over Nyepi, Idulfitri and their cuti bersama'],
    ['2026-05-13T10:00', '2026-05-18T10:00', 8, 'over Kenaikan Yesus Kristus and its cuti bersama'],
    ['2026-03-09T08:00', '2026-03-16T08:00', 40, 'an ordinary week'],
    ['2026-03-16T08:00', '2026-03-30T08:00', 40, 'the two weeks around Idulfitri'],
    ['2026-03-10T10:00', '2026-03-09T10:00', 0, 'a reversed range'],
    ['2026-03-10T10:00', '2026-03-10T10:00', 0, 'an empty range'],
  ])('from %s to %s is %p working hours (%s)', (from, to, expected) => {
    expect(calendar.workingTimeBetween(wib(from), wib(to))).toBe(hours(expected));
  });

  it('counts a year of 2026 as its working days times eight hours', () => {
    // 261 weekdays, of which 13 national holidays and 8 cuti bersama fall on weekdays.
    const total = calendar.workingTimeBetween(wib('2026-01-01T00:00'), wib('2027-01-01T00:00'));
    expect(total).toBe(hours((261 - 13 - 8) * 8));
  });

  describe('leaving out excluded intervals', () => {
    const from = wib('2026-03-09T09:00');
    const to = wib('2026-03-11T09:00'); // 7 + 8 + 1 = 16 working hours

    it('subtracts the working time inside them', () => {
      const waiting = between('2026-03-09T12:00', '2026-03-10T10:00'); // 4 + 2 working hours
      expect(calendar.workingTimeBetween(from, to, [waiting])).toBe(hours(10));
    });

    it('counts overlapping intervals once, in any order', () => {
      const excluded = [
        between('2026-03-09T12:00', '2026-03-10T10:00'),
        between('2026-03-09T11:00', '2026-03-09T13:00'),
      ];
      expect(calendar.workingTimeBetween(from, to, excluded)).toBe(hours(9));
    });

    it('changes nothing for intervals outside working time or outside the range', () => {
      const excluded = [
        between('2026-03-07T09:00', '2026-03-08T20:00'),
        between('2026-03-09T16:00', '2026-03-10T08:00'),
        between('2026-03-12T09:00', '2026-03-12T12:00'),
        between('2026-03-09T10:00', '2026-03-09T10:00'),
      ];
      expect(calendar.workingTimeBetween(from, to, excluded)).toBe(hours(16));
    });

    it('leaves nothing when one covers the whole range', () => {
      const excluded = [between('2026-03-01T00:00', '2026-04-01T00:00')];
      expect(calendar.workingTimeBetween(from, to, excluded)).toBe(0);
    });

    it('cuts intervals that start before the range at its start', () => {
      const excluded = [between('2026-03-06T09:00', '2026-03-09T10:00')];
      expect(calendar.workingTimeBetween(from, to, excluded)).toBe(hours(15));
    });
  });
});

describe('WorkingCalendar.addWorkingTime', () => {
  it.each([
    ['2026-03-09T10:00', 2, '2026-03-09T12:00', 'within the day'],
    ['2026-03-09T10:00', 6, '2026-03-09T16:00', 'ending exactly at closing time, not next morning'],
    ['2026-03-09T07:00', 1, '2026-03-09T09:00', 'starting before opening'],
    ['2026-03-09T17:00', 1, '2026-03-10T09:00', 'starting after closing'],
    ['2026-03-13T15:00', 8, '2026-03-16T15:00', 'over a weekend'],
    ['2026-03-14T10:00', 8, '2026-03-16T16:00', 'starting on a Saturday'],
    ['2026-03-17T10:00', 8, '2026-03-25T10:00', 'over Nyepi and Idulfitri'],
    ['2026-03-18T10:00', 1, '2026-03-25T09:00', 'starting on cuti bersama'],
    ['2026-12-23T10:00', 16, '2026-12-29T10:00', 'over Natal and its cuti bersama'],
    ['2026-12-31T15:00', 2, '2027-01-01T09:00', 'into 2027, not covered: 1 January counts'],
  ])('%s plus %p working hours is %s (%s)', (from, added, expected) => {
    expect(calendar.addWorkingTime(wib(from), hours(added))).toEqual(wib(expected));
  });

  it('goes past closing time by the last millisecond', () => {
    expect(calendar.addWorkingTime(wib('2026-03-09T10:00'), hours(6) + 1)).toEqual(
      wib('2026-03-10T08:00:00.001'),
    );
  });

  it('adds nothing for a zero duration, even outside working time', () => {
    expect(calendar.addWorkingTime(wib('2026-03-14T10:00'), 0)).toEqual(wib('2026-03-14T10:00'));
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('refuses a duration of %p', (duration) => {
    expect(() => calendar.addWorkingTime(wib('2026-03-09T10:00'), duration)).toThrow(RangeError);
  });

  it('stops the clock in excluded intervals', () => {
    const waiting = [between('2026-03-09T12:00', '2026-03-10T09:00')];
    expect(calendar.addWorkingTime(wib('2026-03-09T10:00'), hours(8), waiting)).toEqual(
      wib('2026-03-10T15:00'),
    );
  });

  it('is undone by workingTimeBetween for any start and duration', () => {
    const starts = [
      '2026-03-09T07:30',
      '2026-03-09T08:00',
      '2026-03-13T15:59',
      '2026-03-14T11:00',
      '2026-03-17T16:00',
      '2026-05-13T12:34',
    ];
    for (const start of starts) {
      for (const duration of [1, hours(1), hours(7.5), hours(8), hours(40), hours(123.25)]) {
        const due = calendar.addWorkingTime(wib(start), duration);
        expect(calendar.workingTimeBetween(wib(start), due)).toBe(duration);
      }
    }
  });
});

describe('WorkingCalendar.dueTime', () => {
  it.each([
    ['2026-03-09T10:00', 1, '2026-03-10T10:00', 'an ordinary day'],
    ['2026-03-13T10:00', 1, '2026-03-16T10:00', 'a Friday'],
    ['2026-03-14T10:00', 1, '2026-03-16T16:00', 'a Saturday: the whole of Monday'],
    ['2026-03-09T06:00', 1, '2026-03-09T16:00', 'before opening: the end of that day'],
    ['2026-03-09T18:00', 2, '2026-03-11T16:00', 'after closing: the end of the second day'],
    ['2026-03-17T09:00', 1, '2026-03-25T09:00', 'the day before Nyepi'],
    ['2026-05-08T14:00', 3, '2026-05-13T14:00', 'three days before Kenaikan'],
    ['2026-05-08T14:00', 4, '2026-05-18T14:00', 'four days, over Kenaikan and cuti bersama'],
  ])('working_days: submitted %s, %p day(s), due %s (%s)', (start, value, expected) => {
    expect(calendar.dueTime(wib(start), { value, unit: 'working_days' })).toEqual(wib(expected));
  });

  it.each([
    ['2026-03-13T14:00', 4, '2026-03-16T10:00', 'over a weekend'],
    ['2026-03-09T15:30', 0.5, '2026-03-09T16:00', 'half an hour before closing'],
    ['2026-03-09T15:45', 0.5, '2026-03-10T08:15', 'into the next morning'],
  ])('working_hours: submitted %s, %p hour(s), due %s (%s)', (start, value, expected) => {
    expect(calendar.dueTime(wib(start), { value, unit: 'working_hours' })).toEqual(wib(expected));
  });

  it('moves the due time by the working time spent waiting on the applicant', () => {
    const waiting = [between('2026-03-10T09:00', '2026-03-11T09:00')]; // 8 working hours
    expect(
      calendar.dueTime(wib('2026-03-09T10:00'), { value: 1, unit: 'working_days' }, waiting),
    ).toEqual(wib('2026-03-11T10:00'));
  });
});
