import { describe, expect, it } from 'vitest';
import { londonDay } from '../../platform/london-day.ts';
import { londonMidnight, londonTime, londonTimeExact } from './london-time.ts';

describe('times shown in London with their zone', () => {
  it.each([
    ['2026-12-07T14:03:00Z', '7 Dec 2026, 14:03 GMT'],
    ['2026-07-07T14:03:00Z', '7 Jul 2026, 15:03 BST'],
    // Late on the UTC day is already the next day in London in summer.
    ['2026-06-30T23:30:00Z', '1 Jul 2026, 00:30 BST'],
    // The hour the clocks go forward (29 March 2026, 01:00 UTC) and back (25 October 2026, 01:00 UTC).
    ['2026-03-29T00:59:00Z', '29 Mar 2026, 00:59 GMT'],
    ['2026-03-29T01:00:00Z', '29 Mar 2026, 02:00 BST'],
    ['2026-10-25T00:30:00Z', '25 Oct 2026, 01:30 BST'],
    ['2026-10-25T01:30:00Z', '25 Oct 2026, 01:30 GMT'],
  ])('%s reads %s', (instant, shown) => {
    expect(londonTime(instant)).toBe(shown);
  });

  it('to the second for an audit entry', () => {
    expect(londonTimeExact('2018-05-01T09:15:42.123Z')).toBe('1 May 2018, 10:15:42 BST');
  });
});

describe('a London day as instants', () => {
  it.each([
    ['2026-12-07', '2026-12-07T00:00:00.000Z'],
    ['2026-07-07', '2026-07-06T23:00:00.000Z'],
    // The days the clocks change begin at the offset of the night before.
    ['2026-03-29', '2026-03-29T00:00:00.000Z'],
    ['2026-03-30', '2026-03-29T23:00:00.000Z'],
    ['2026-10-25', '2026-10-24T23:00:00.000Z'],
    ['2026-10-26', '2026-10-26T00:00:00.000Z'],
  ])('%s begins at %s', (day, instant) => {
    expect(londonMidnight(day)).toBe(instant);
    // The instant is that day in London, and a millisecond before it the day before.
    expect(londonDay(new Date(instant))).toBe(day);
    expect(londonDay(new Date(Date.parse(instant) - 1))).not.toBe(day);
  });
});
