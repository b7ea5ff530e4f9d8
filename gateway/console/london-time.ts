// Times as a person in the UK reads them: the wall clock in London with its zone (GMT in winter, BST in summer),
// since decisions are dated by the London day (platform/london-day.ts). And the reverse, for a search by day: the
// instants at which a London day begins and ends. Pure.
import type { IsoDate } from '../../mou-registry/types.ts';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
});
const withSeconds = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZoneName: 'short',
});

/** "7 Dec 2026, 14:03 GMT", "7 Jul 2026, 15:03 BST". */
export const londonTime = (instant: string | Date) => wallClock.format(new Date(instant));
/** The same to the second, for one audit entry. */
export const londonTimeExact = (instant: string | Date) => withSeconds.format(new Date(instant));

const offsetParts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'longOffset' });

/** London's offset from UTC in minutes at an instant: 0 (GMT) or 60 (BST). */
function londonOffsetMinutes(instant: number): number {
  const zone = offsetParts.formatToParts(new Date(instant)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(zone);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/**
 * The instant a London day begins, as an ISO timestamp in UTC. Clocks in London change at 01:00 UTC, never at
 * midnight, so midnight is always a single instant: the offset an hour before UTC midnight is the one in force.
 */
export function londonMidnight(day: IsoDate): string {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  return new Date(utcMidnight - londonOffsetMinutes(utcMidnight - 3_600_000) * 60_000).toISOString();
}

const dayMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
/** A calendar day as "2 Nov", for a chart's axis (never "11-02", which a UK reader takes for 11 February). */
export const shortDay = (day: IsoDate) => dayMonth.format(new Date(`${day}T12:00:00Z`));
