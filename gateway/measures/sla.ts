// Back-office SLAs as the report means them: from the request to the partner's completion of the work (DWP traces
// or assigns a NINo within 5 days, 48 hours for refugees, ¶6.34; DfE answers a trace within 10 working days,
// ¶6.110), not the milliseconds of an HTTP answer (¶6.60: 48 hours or 7 days, disputed, because nobody measured).
// An SLA in hours runs on the clock; one in working days counts England and Wales working days (bank holidays
// skipped) between the London days of the request and of the completion. A completion nobody reported is unknown,
// never met.
import type { AgreementVersion, ExchangeId } from '../../mou-registry/types.ts';
import { workingDaysElapsed } from '../../platform/working-days.ts';

export interface Sla {
  measure: string;
  hours?: number;
  workingDays?: number;
}

/** The SLA for an exchange under a version: a measure naming the exchange before one covering all, then the shortest. */
export function slaFor(version: AgreementVersion | undefined, exchange: ExchangeId): Sla | null {
  if (!version) return null;
  const candidates = version.measures
    .filter(
      (m) =>
        (m.slaHours !== undefined || m.slaWorkingDays !== undefined) &&
        (!m.exchanges || m.exchanges.includes(exchange)),
    )
    .map((m) => ({
      sla: {
        measure: m.code,
        ...(m.slaHours !== undefined ? { hours: m.slaHours } : {}),
        ...(m.slaWorkingDays !== undefined ? { workingDays: m.slaWorkingDays } : {}),
      },
      named: m.exchanges?.includes(exchange) ? 0 : 1,
      length: m.slaHours !== undefined ? m.slaHours : (m.slaWorkingDays ?? 0) * 24,
    }))
    .sort((a, b) => a.named - b.named || a.length - b.length);
  return candidates[0]?.sla ?? null;
}

export type SlaJudgement = 'within' | 'breached' | 'completion-unknown';

/** Judges one exchange: requested at `requestedAt`, completed by the partner at `completedAt` (null: not reported). */
export function judgeSla(requestedAt: string, completedAt: string | null, sla: Sla): SlaJudgement {
  if (completedAt === null) return 'completion-unknown';
  const from = new Date(requestedAt);
  const to = new Date(completedAt);
  if (sla.hours !== undefined) return to.getTime() - from.getTime() <= sla.hours * 3_600_000 ? 'within' : 'breached';
  return workingDaysElapsed(from, to) <= (sla.workingDays ?? 0) ? 'within' : 'breached';
}

export function describeSla(sla: Sla): string {
  if (sla.hours !== undefined)
    return sla.hours % 24 === 0 && sla.hours >= 48
      ? `${sla.hours / 24} days (${sla.hours} hours)`
      : `${sla.hours} hours`;
  return `${sla.workingDays} working days`;
}

/** Every SLA a version sets, by the exchange a measure names; `exchange: null` for exchanges no SLA measure names. */
export function slaTable(version: AgreementVersion): { exchange: ExchangeId | null; sla: Sla }[] {
  const setsSla = (m: AgreementVersion['measures'][number]) =>
    m.slaHours !== undefined || m.slaWorkingDays !== undefined;
  const named = [...new Set(version.measures.flatMap((m) => (setsSla(m) ? (m.exchanges ?? []) : [])))];
  const rows = named.flatMap((exchange) => {
    const sla = slaFor(version, exchange);
    return sla ? [{ exchange, sla }] : [];
  });
  const fallback = slaFor({ ...version, measures: version.measures.filter((m) => !m.exchanges) }, '');
  return fallback ? [...rows, { exchange: null, sla: fallback }] : rows;
}
