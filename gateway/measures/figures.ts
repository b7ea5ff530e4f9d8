// Figures from exchange records: pure, so that every report built from the same records says the same (¶6.106).
import { inaccuracyOutcomes } from './feedback-outcomes.ts';
import { failedOutcomes, matchedOutcomes, unmatchedOutcomes } from './match.ts';
import { percentile } from './percentile.ts';
import { judgeSla, type Sla } from './sla.ts';
import type { ExchangeRecord, Figures } from './types.ts';

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const bump = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

/** What adds up across records: every figure but the response-time percentiles, which come with the latencies. */
export interface Tally {
  requests: number;
  outbound: number;
  permitted: number;
  referrals: number;
  refusalsByRule: Record<string, number>;
  outcomes: Record<string, number>;
  within: number;
  breached: number;
  unknown: number;
  delivered: number;
  withFeedback: number;
  inaccurate: number;
  corrected: number;
  byOutcome: Record<string, number>;
}
export interface Latencies {
  measured: number;
  p50Ms: number | null;
  p95Ms: number | null;
}

export const emptyTally = (): Tally => ({
  requests: 0,
  outbound: 0,
  permitted: 0,
  referrals: 0,
  refusalsByRule: {},
  outcomes: {},
  within: 0,
  breached: 0,
  unknown: 0,
  delivered: 0,
  withFeedback: 0,
  inaccurate: 0,
  corrected: 0,
  byOutcome: {},
});
const maps = ['refusalsByRule', 'outcomes', 'byOutcome'] as const;

/** Adds `more` into `into`. */
export function addTally(into: Tally, more: Tally): Tally {
  for (const key of Object.keys(into) as (keyof Tally)[]) {
    if ((maps as readonly string[]).includes(key)) continue;
    (into[key] as number) += more[key] as number;
  }
  for (const map of maps) for (const [k, n] of Object.entries(more[map])) into[map][k] = (into[map][k] ?? 0) + n;
  return into;
}

/** `slaOf` says which SLA a record is held to (that of the agreement version it was made under), if any. */
export function figuresOf(records: readonly ExchangeRecord[], slaOf: (record: ExchangeRecord) => Sla | null): Figures {
  const t = emptyTally();
  const latencies: number[] = [];
  for (const r of records) {
    t.requests += 1;
    if (r.direction === 'outbound') t.outbound += 1;
    if (r.decision === 'deny') {
      for (const rule of r.deniedBy) bump(t.refusalsByRule, rule);
      continue;
    }
    t.permitted += 1;
    if (r.outcome === null) continue;
    bump(t.outcomes, r.outcome);
    if (r.referrals.includes('windrush-taskforce')) t.referrals += 1;
    if (r.latencyMs !== null) latencies.push(r.latencyMs);
    const sla = slaOf(r);
    if (sla) {
      const judged = judgeSla(r.recordedAt, r.completedAt, sla);
      if (judged === 'within') t.within += 1;
      else if (judged === 'breached') t.breached += 1;
      else t.unknown += 1;
    }
    if (failedOutcomes.has(r.outcome)) continue;
    t.delivered += 1;
    const reported = new Set(r.feedback.map((f) => f.outcome));
    if (reported.size > 0) t.withFeedback += 1;
    if ([...reported].some((o) => inaccuracyOutcomes.has(o))) t.inaccurate += 1;
    if (reported.has('corrected')) t.corrected += 1;
    for (const outcome of reported) bump(t.byOutcome, outcome);
  }
  const measured = { measured: latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) };
  return figuresFrom(t, measured);
}

/** The figures of a tally: what the report, the series and the signals show. */
export function figuresFrom(t: Tally, responseTimes: Latencies): Figures {
  const sum = (set: ReadonlySet<string>) =>
    Object.entries(t.outcomes).reduce((n, [o, c]) => n + (set.has(o) ? c : 0), 0);
  const matched = sum(matchedOutcomes);
  const unmatched = sum(unmatchedOutcomes);
  const { within, breached, withFeedback, inaccurate } = t;
  return {
    requests: t.requests,
    outbound: t.outbound,
    inbound: t.requests - t.outbound,
    permitted: t.permitted,
    refused: t.requests - t.permitted,
    refusalsByRule: { ...t.refusalsByRule },
    outcomes: { ...t.outcomes },
    matched,
    unmatched,
    matchRate: ratio(matched, matched + unmatched),
    responseTimes: { ...responseTimes },
    sla: {
      measured: within + breached,
      within,
      breached,
      shareWithin: ratio(within, within + breached),
      completionUnknown: t.unknown,
    },
    feedback: { exchanges: withFeedback, rate: ratio(withFeedback, t.delivered), byOutcome: { ...t.byOutcome } },
    // Of the answered exchanges someone gave feedback on, the share nobody said were wrong. Exchanges without
    // feedback are left out of the denominator: silence is not evidence of accuracy.
    accuracy: {
      withFeedback,
      inaccurate,
      corrected: t.corrected,
      rate: ratio(withFeedback - inaccurate, withFeedback),
    },
    windrushReferrals: t.referrals,
  };
}
