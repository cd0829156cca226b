export * from './calendar-definition';
export * from './service-standard';
export { WorkingCalendar, type Interval } from './working-calendar';
export { WORKING_DAY_MS } from './opening-hours';
export { loadWorkingCalendar } from './load-working-calendar';
export { DAY_MS, HOUR_MS, jakartaYearOf, startOfJakartaDate } from './jakarta-clock';
