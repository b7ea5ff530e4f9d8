// Decisions are dated by the calendar day in London, where the agreements and directives apply.

export type IsoDate = string; // YYYY-MM-DD

const format = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function londonDay(instant: Date): IsoDate {
  return format.format(instant);
}

const londonHour = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', hourCycle: 'h23' });

/** The instant a London day begins: midnight there is midnight UTC in winter and 23:00 UTC the day before in summer. */
export function londonMidnight(day: IsoDate): Date {
  const utc = Date.parse(`${day}T00:00:00Z`);
  return new Date(utc - Number(londonHour.format(new Date(utc))) * 3_600_000);
}

/** The first day of the day's month and of the month after, as ISO dates. */
export function monthOf(day: IsoDate): { start: IsoDate; next: IsoDate } {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return { start: `${day.slice(0, 7)}-01`, next };
}
