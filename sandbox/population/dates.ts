// Calendar arithmetic on ISO date strings. Pure integer arithmetic (Hinnant's civil-date algorithms)
// rather than Date objects: it never depends on the host time zone, and generating a population
// does hundreds of thousands of these, where Date and toISOString dominated the run time.
import type { IsoDate } from './types.ts';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48;
const year = (s: IsoDate): number => digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
const month = (s: IsoDate): number => digit(s, 5) * 10 + digit(s, 6);
const day = (s: IsoDate): number => digit(s, 8) * 10 + digit(s, 9);

function checked(date: IsoDate): IsoDate {
  if (date.length !== 10 || date[4] !== '-' || date[7] !== '-')
    throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return date;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const format = (y: number, m: number, d: number): IsoDate =>
  `${y < 1000 ? String(y).padStart(4, '0') : y}-${pad2(m)}-${pad2(d)}`;

const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const daysInMonth = (y: number, m: number): number =>
  m === 2 ? (isLeap(y) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const y = year(value),
    m = month(value),
    d = day(value);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since 1970-01-01. */
export function toDayNumber(date: IsoDate): number {
  const m = month(checked(date));
  const d = day(date);
  const y = m <= 2 ? year(date) - 1 : year(date);
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export function fromDayNumber(day: number): IsoDate {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1_460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (m <= 2 ? 1 : 0), m, d);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** The 31st plus a month lands on the month's last day; 29 February plus a year on 28 February. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const total = year(checked(date)) * 12 + (month(date) - 1) + months;
  const y = Math.floor(total / 12);
  const m = total - y * 12 + 1;
  return format(y, m, Math.min(day(date), daysInMonth(y, m)));
}

export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Completed years of age on a date (a birthday counts on the day). */
export function ageOn(dateOfBirth: IsoDate, on: IsoDate): number {
  const age = year(on) - year(dateOfBirth);
  const beforeBirthday =
    month(on) < month(dateOfBirth) || (month(on) === month(dateOfBirth) && day(on) < day(dateOfBirth));
  return beforeBirthday ? age - 1 : age;
}

export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function earlierOf(a: IsoDate, b: IsoDate): IsoDate {
  return a < b ? a : b;
}

/** For sorting records by date. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
