// Working days in England and Wales: not Saturday or Sunday, not a bank holiday. Bank holidays come from the
// maintained date-holidays package (GB, region ENG), so a due date never falls on, or counts, Christmas Day.
import Holidays from 'date-holidays';
import type { IsoDate } from '../../mou-registry/types.ts';
import { addDays } from '../measures/periods.ts';

const englandAndWales = new Holidays('GB', 'ENG');
const bankHolidays = new Map<number, Set<IsoDate>>();

function bankHolidaysIn(year: number): Set<IsoDate> {
  let days = bankHolidays.get(year);
  if (!days) {
    days = new Set(englandAndWales.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    bankHolidays.set(year, days);
  }
  return days;
}

export function isWorkingDay(day: IsoDate): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidaysIn(Number(day.slice(0, 4))).has(day);
}

/** The day `count` working days after `day` (the day itself not counted). */
export function addWorkingDays(day: IsoDate, count: number): IsoDate {
  let at = day;
  for (let counted = 0; counted < count;) {
    at = addDays(at, 1);
    if (isWorkingDay(at)) counted += 1;
  }
  return at;
}
