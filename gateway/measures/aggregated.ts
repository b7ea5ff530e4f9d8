// The database adds the log up (audit/measure-queries.ts); this file says what it adds up by (the vocabulary of
// outcomes and feedback, the SLAs of the register, the working-day deadlines) and puts its rows back together into
// tallies for any level: an exchange under an agreement, an agreement, a collaboration, a period.
import type { Aggregates, AggregateQuery, DeadlineRow, SlaRow } from '../../audit/measure-queries.ts';
import type { AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import { completionMarker } from './completion.ts';
import { emptyTally, type Latencies, type Tally } from './figures.ts';
import { feedbackOutcomes, inaccuracyOutcomes } from './feedback-outcomes.ts';
import { failedOutcomes } from './match.ts';
import { addDays, periodsBetween } from './periods.ts';
import { slaTable } from './sla.ts';
import type { Window } from './types.ts';
import { addWorkingDays } from '../../platform/working-days.ts';

export const vocabulary: AggregateQuery['vocabulary'] = {
  feedbackOutcomes,
  inaccurate: [...inaccuracyOutcomes],
  failed: [...failedOutcomes],
  completed: completionMarker,
};

interface SlaRows {
  slas: SlaRow[];
  deadlines: DeadlineRow[];
}

/** Every version's SLAs as rows, and for each working-day SLA the last day a request of each window day meets it. */
export function slaRows(versions: readonly AgreementVersion[], window: Window): SlaRows {
  const slas = versions.flatMap((v) =>
    slaTable(v).map(({ exchange, sla }) => ({
      agreementId: v.agreementId,
      version: v.version,
      exchange,
      hours: sla.hours ?? null,
      workingDays: sla.hours === undefined ? (sla.workingDays ?? 0) : null,
    })),
  );
  const spans = [...new Set(slas.flatMap((s) => (s.workingDays === null ? [] : [s.workingDays])))];
  const days = periodsBetween(window.from, window.to, 'day');
  // Met while no more than n working days have passed: up to the day before the (n+1)th working day.
  const deadlines = spans.flatMap((n) =>
    days.map((day) => ({ workingDays: n, day, last: addDays(addWorkingDays(day, n + 1), -1) })),
  );
  return { slas, deadlines };
}

export interface Cell {
  agreementId: string | null;
  exchange: string;
  period: IsoDate | null;
}

/** The tally of every cell that matches. */
export function tallyOf(agg: Aggregates, match: (cell: Cell) => boolean): Tally {
  const t = emptyTally();
  for (const c of agg.cells) {
    if (!match(c)) continue;
    t.requests += c.requests;
    t.outbound += c.outbound;
    t.permitted += c.permitted;
    t.referrals += c.referrals;
    t.within += c.within;
    t.breached += c.breached;
    t.unknown += c.unknown;
    t.delivered += c.delivered;
    t.withFeedback += c.withFeedback;
    t.inaccurate += c.inaccurate;
    t.corrected += c.corrected;
  }
  const maps = [
    [agg.outcomes, t.outcomes],
    [agg.refusals, t.refusalsByRule],
    [agg.feedback, t.byOutcome],
  ] as const;
  for (const [rows, counts] of maps) for (const r of rows) if (match(r)) counts[r.key] = (counts[r.key] ?? 0) + r.n;
  return t;
}

/** The direction of the first decision among the matching cells. */
export function firstDirection(agg: Aggregates, match: (cell: Cell) => boolean): 'outbound' | 'inbound' | null {
  const first = agg.cells.filter(match).sort((a, b) => a.firstSeq - b.firstSeq)[0];
  return first?.firstDirection ?? null;
}

type Level =
  | { level: 'exchange'; agreementId: string | null; exchange: string }
  | { level: 'agreement'; agreementId: string }
  | { level: 'collaboration'; collaborationId: string };

/** The response times at one level, for one period (null: the whole window). */
export function latenciesOf(agg: Aggregates, at: Level, period: IsoDate | null = null): Latencies {
  const row = agg.latencies.find(
    (l) =>
      l.level === at.level &&
      l.period === period &&
      (at.level === 'collaboration'
        ? l.collaborationId === at.collaborationId
        : l.agreementId === at.agreementId && (at.level === 'agreement' || l.exchange === at.exchange)),
  );
  return row ? { measured: row.measured, p50Ms: row.p50, p95Ms: row.p95 } : { measured: 0, p50Ms: null, p95Ms: null };
}
