import { DAY_MS, startOfJakartaDate } from '@mpp/working-time';
import { Problems, type FieldError } from '../problems/problem';
import type { ReportPeriodQuery } from './report-query.dto';

/** Whole Jakarta days `from` to `to`, as the half-open range of moments [start, end). */
export interface ReportPeriod {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

export function reportPeriod({ from, to }: Pick<ReportPeriodQuery, 'from' | 'to'>): ReportPeriod {
  const start = startOfJakartaDate(from);
  const lastDay = startOfJakartaDate(to);
  const errors: FieldError[] = [];
  if (!start) errors.push({ field: 'from', code: 'isDate', message: `${from} is no date` });
  if (!lastDay) errors.push({ field: 'to', code: 'isDate', message: `${to} is no date` });
  if (start && lastDay && lastDay < start) {
    errors.push({ field: 'to', code: 'notBeforeFrom', message: 'to must not be before from' });
  }
  if (errors.length > 0) throw Problems.validation(errors);
  return { from, to, start: start!, end: new Date(lastDay!.getTime() + DAY_MS) };
}
