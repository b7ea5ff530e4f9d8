// Response times against the SLA an agreement version sets (¶6.60: 48 hours or 7 days, disputed, because nobody
// measured). An SLA in hours runs on the clock; one in working days skips Saturdays and Sundays in London.
// Bank holidays are not skipped: a response that lands on one is counted against the SLA, never excused by it.
import type { AgreementVersion, ExchangeId } from '../../mou-registry/types.ts';

export interface Sla { measure: string; hours?: number; workingDays?: number }

/** The SLA for an exchange under a version: a measure naming the exchange before one covering all, then the shortest. */
export function slaFor(version: AgreementVersion | undefined, exchange: ExchangeId): Sla | null {
  if (!version) return null;
  const candidates = version.measures
    .filter((m) => (m.slaHours !== undefined || m.slaWorkingDays !== undefined) && (!m.exchanges || m.exchanges.includes(exchange)))
    .map((m) => ({
      sla: { measure: m.code, ...(m.slaHours !== undefined ? { hours: m.slaHours } : {}), ...(m.slaWorkingDays !== undefined ? { workingDays: m.slaWorkingDays } : {}) },
      named: m.exchanges?.includes(exchange) ? 0 : 1,
      length: m.slaHours !== undefined ? m.slaHours : (m.slaWorkingDays ?? 0) * 24,
    }))
    .sort((a, b) => a.named - b.named || a.length - b.length);
  return candidates[0]?.sla ?? null;
}

const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short' });
const isWeekend = (instant: Date) => ['Sat', 'Sun'].includes(weekday.format(instant));

/** The latest instant a response may arrive and still be within the SLA. */
export function slaDeadline(decidedAt: Date, sla: Sla): Date {
  if (sla.hours !== undefined) return new Date(decidedAt.getTime() + sla.hours * 3_600_000);
  let at = decidedAt.getTime();
  for (let counted = 0; counted < (sla.workingDays ?? 0);) {
    at += 86_400_000;
    if (!isWeekend(new Date(at))) counted += 1;
  }
  return new Date(at);
}

export function withinSla(decidedAt: string, latencyMs: number, sla: Sla): boolean {
  const decided = new Date(decidedAt);
  return decided.getTime() + latencyMs <= slaDeadline(decided, sla).getTime();
}

export function describeSla(sla: Sla): string {
  if (sla.hours !== undefined) return sla.hours % 24 === 0 && sla.hours >= 48 ? `${sla.hours / 24} days (${sla.hours} hours)` : `${sla.hours} hours`;
  return `${sla.workingDays} working days`;
}
