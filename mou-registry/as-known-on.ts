// `asKnownOn` is record time: what the register had been told by then, whatever day the facts speak of (`asOf`,
// valid time). A day means by the end of that day in London; a moment means up to and including it.
import type { KnownAt } from './store.ts';
import type { IsoDate } from './types.ts';

const london = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const hour = 3_600_000;

/** The first instant of a London day: midnight UTC, or an hour before it in summer time. */
function londonMidnight(day: IsoDate): number {
  const utc = Date.parse(`${day}T00:00:00Z`);
  return london.format(new Date(utc - hour)) === day ? utc - hour : utc;
}

const nextDay = (day: IsoDate) => new Date(Date.parse(`${day}T00:00:00Z`) + 24 * hour).toISOString().slice(0, 10);

export function knownAtFor(asKnownOn: string | undefined): KnownAt {
  if (asKnownOn === undefined) return null;
  const before = /^\d{4}-\d{2}-\d{2}$/.test(asKnownOn) ? londonMidnight(nextDay(asKnownOn)) : Date.parse(asKnownOn) + 1;
  return { before: new Date(before).toISOString() };
}
