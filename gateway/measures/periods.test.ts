import { describe, expect, it } from 'vitest';
import { periodStart, periodsBetween, wholePeriodsSince } from './periods.ts';

describe('periods', () => {
  it('starts weeks on Monday and months on the first', () => {
    expect(periodStart('2026-11-22', 'week')).toBe('2026-11-16'); // a Sunday
    expect(periodStart('2026-11-23', 'week')).toBe('2026-11-23'); // a Monday
    expect(periodStart('2026-11-23', 'month')).toBe('2026-11-01');
  });

  it('lists every period a window touches', () => {
    expect(periodsBetween('2026-11-18', '2026-12-02', 'week')).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
    expect(periodsBetween('2026-11-18', '2027-01-02', 'month')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01']);
  });

  it('counts the whole periods of silence between a last exchange and today', () => {
    // Last seen in the week of 2 November; today is in the week of 23 November: 9 and 16 November passed silent.
    expect(wholePeriodsSince('2026-11-04', '2026-11-25', 'week')).toBe(2);
    expect(wholePeriodsSince('2026-11-20', '2026-11-25', 'week')).toBe(0);
    expect(wholePeriodsSince('2026-11-20', '2026-11-23', 'day')).toBe(2);
    expect(wholePeriodsSince('2026-08-31', '2026-11-01', 'month')).toBe(2);
  });
});
