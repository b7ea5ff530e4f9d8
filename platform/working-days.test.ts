// Working days in England and Wales, bank holidays from date-holidays (¶6.110: 10 working days; ¶6.162: 5).
import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, workingDaysBetween, workingDaysElapsed } from './working-days.ts';

describe('a working day', () => {
  it.each([
    ['2026-11-23', true, 'a Monday'],
    ['2026-11-21', false, 'a Saturday'],
    ['2026-04-03', false, 'Good Friday 2026'],
    ['2026-04-06', false, 'Easter Monday 2026'],
    ['2026-04-07', true, 'the Tuesday after Easter'],
    ['2026-12-25', false, 'Christmas Day'],
    ['2026-12-28', false, 'Boxing Day substitute (26 December 2026 is a Saturday)'],
    ['2026-12-29', true, 'the Tuesday after'],
    ['2020-05-08', false, 'the VE day bank holiday, moved from 4 May 2020'],
    ['2020-05-04', true, 'the first Monday of May 2020, not a holiday that year'],
  ])('%s is a working day: %s (%s)', (day, expected) => expect(isWorkingDay(day)).toBe(expected));
});

describe('working days between two days', () => {
  it.each([
    ['2026-11-23', '2026-11-23', 0, 'answered the same day'],
    ['2026-11-20', '2026-11-23', 1, 'Friday to Monday'],
    ['2026-11-20', '2026-12-04', 10, 'two whole weeks'],
    ['2026-04-02', '2026-04-07', 1, 'Thursday before Easter to the Tuesday after'],
    ['2026-12-24', '2026-12-29', 1, 'Christmas Eve to the Tuesday after Boxing Day'],
    ['2026-12-18', '2027-01-04', 8, 'over Christmas and New Year (25, 28 December and 1 January off)'],
  ])('%s to %s: %i (%s)', (from, to, expected) => expect(workingDaysBetween(from, to)).toBe(expected));

  it('reads instants as London days: 23:30 UTC on 31 October 2026 is still Saturday in London, 00:30 BST on 1 July 2026 is 1 July', () => {
    expect(workingDaysElapsed(new Date('2026-10-30T10:00:00Z'), new Date('2026-11-02T09:00:00Z'))).toBe(1);
    expect(workingDaysElapsed(new Date('2026-06-30T10:00:00Z'), new Date('2026-06-30T23:30:00Z'))).toBe(1);
  });
});

describe('the last day an SLA in working days is met on', () => {
  it.each([
    ['2026-11-20', 10, '2026-12-04'],
    ['2026-04-01', 5, '2026-04-10'],
    ['2026-12-21', 5, '2026-12-30'],
  ])('%s + %i working days = %s', (from, n, expected) => expect(addWorkingDays(from, n)).toBe(expected));
});
