import { HOUR_MS } from './jakarta-clock';
import { standardDurationMs } from './service-standard';

describe('standardDurationMs', () => {
  it('counts working hours as they are', () => {
    expect(standardDurationMs({ value: 4, unit: 'working_hours' })).toBe(4 * HOUR_MS);
    expect(standardDurationMs({ value: 1.5, unit: 'working_hours' })).toBe(1.5 * HOUR_MS);
  });

  it('counts a working day as the 8 working hours of one', () => {
    expect(standardDurationMs({ value: 1, unit: 'working_days' })).toBe(8 * HOUR_MS);
    expect(standardDurationMs({ value: 14, unit: 'working_days' })).toBe(112 * HOUR_MS);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('refuses %p as a value', (value) => {
    expect(() => standardDurationMs({ value, unit: 'working_days' })).toThrow(RangeError);
  });

  it('refuses an unknown unit', () => {
    expect(() => standardDurationMs({ value: 1, unit: 'weeks' as never })).toThrow(
      /unknown service standard unit weeks/,
    );
  });
});
