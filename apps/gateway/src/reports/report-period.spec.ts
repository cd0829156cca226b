import { ProblemError } from '../problems/problem';
import { reportPeriod } from './report-period';

describe('reportPeriod', () => {
  it('covers whole Jakarta days, the last one included', () => {
    expect(reportPeriod({ from: '2026-03-01', to: '2026-03-31' })).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
      start: new Date('2026-02-28T17:00:00Z'),
      end: new Date('2026-03-31T17:00:00Z'),
    });
  });

  it('allows a single day', () => {
    const day = reportPeriod({ from: '2026-03-09', to: '2026-03-09' });
    expect(day.end.getTime() - day.start.getTime()).toBe(86_400_000);
  });

  it('refuses impossible dates and a period that ends before it starts, naming the fields', () => {
    const refusal = (from: string, to: string) => {
      try {
        reportPeriod({ from, to });
      } catch (error) {
        expect(error).toBeInstanceOf(ProblemError);
        return (error as ProblemError).errors?.map((e) => `${e.field}:${e.code}`);
      }
      throw new Error('expected a refusal');
    };
    expect(refusal('2026-02-30', '2026-13-01')).toEqual(['from:isDate', 'to:isDate']);
    expect(refusal('2026-03-02', '2026-03-01')).toEqual(['to:notBeforeFrom']);
  });
});
