// Calendar periods on London days: days, weeks (Monday to Sunday) and calendar months, for charts and cadences.
import type { IsoDate } from '../../mou-registry/types.ts';

export type Interval = 'day' | 'week' | 'month';

const toTime = (day: IsoDate) => Date.parse(`${day}T00:00:00Z`);
const toDay = (time: number): IsoDate => new Date(time).toISOString().slice(0, 10);

export const addDays = (day: IsoDate, days: number): IsoDate => toDay(toTime(day) + days * 86_400_000);
export const daysBetween = (from: IsoDate, to: IsoDate): number => Math.round((toTime(to) - toTime(from)) / 86_400_000);

/** The first day of the period that holds `day`. */
export function periodStart(day: IsoDate, interval: Interval): IsoDate {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 7)}-01`;
  const weekday = (new Date(toTime(day)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/** The first day of the period after the one that starts on `start`. */
export function nextPeriod(start: IsoDate, interval: Interval): IsoDate {
  if (interval === 'day') return addDays(start, 1);
  if (interval === 'week') return addDays(start, 7);
  const [y, m] = start.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** The starts of every period that overlaps from..to (inclusive). */
export function periodsBetween(from: IsoDate, to: IsoDate, interval: Interval): IsoDate[] {
  const starts: IsoDate[] = [];
  for (let s = periodStart(from, interval); s <= to; s = nextPeriod(s, interval)) starts.push(s);
  return starts;
}

/** Whole periods that passed after the one holding `since` and before the one holding `today`. */
export function wholePeriodsSince(since: IsoDate, today: IsoDate, interval: Interval): number {
  let count = 0;
  const current = periodStart(today, interval);
  for (let s = nextPeriod(periodStart(since, interval), interval); s < current; s = nextPeriod(s, interval)) count += 1;
  return count;
}
