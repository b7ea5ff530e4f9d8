// Working days in England and Wales: Monday to Friday, less the bank holidays. The holidays come from date-holidays
// (a maintained list, substitute days included) rather than a table we would have to keep up to date ourselves.
// Back-office SLAs are set in working days (¶6.110: "10 working days"; ¶6.162: "5 working days"), and so are the
// due dates of a decision's obligations. The package holds every country's holidays (about 16 MB resident once
// loaded), so it is loaded on the first working-day question, not when the gateway starts: exchanges never ask one.
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { londonDay, type IsoDate } from './london-day.ts';

let england: HolidaysClass | null = null;
const bankHolidaysByYear = new Map<number, Set<IsoDate>>();

function bankHolidays(year: number): Set<IsoDate> {
  let days = bankHolidaysByYear.get(year);
  if (!days) {
    england ??= new (createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass)('GB', 'ENG');
    days = new Set(
      england
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    bankHolidaysByYear.set(year, days);
  }
  return days;
}

const dayAfter = (day: IsoDate) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function isWorkingDay(day: IsoDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(Number(day.slice(0, 4))).has(day);
}

/**
 * Working days from one London day to a later one: those after `from`, up to and including `to`. A request on a
 * Friday answered the next Monday took one working day; answered the same day, none.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let day = dayAfter(from); day <= to; day = dayAfter(day)) if (isWorkingDay(day)) count += 1;
  return count;
}

/** The working days between two instants, each read as its London day. */
export function workingDaysElapsed(from: Date, to: Date): number {
  return workingDaysBetween(londonDay(from), londonDay(to));
}

/** The London day `n` working days after `from`: the last day an SLA of `n` working days is met on. */
export function addWorkingDays(from: IsoDate, n: number): IsoDate {
  let day = from;
  for (let counted = 0; counted < n; ) {
    day = dayAfter(day);
    if (isWorkingDay(day)) counted += 1;
  }
  return day;
}
