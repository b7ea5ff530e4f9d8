// Figures from exchange records: pure, so that every report built from the same records says the same (¶6.106).
import { inaccuracyOutcomes } from './feedback-outcomes.ts';
import { failedOutcomes, matchedOutcomes, unmatchedOutcomes } from './match.ts';
import { percentile } from './percentile.ts';
import { judgeSla, type Sla } from './sla.ts';
import type { ExchangeRecord, Figures } from './types.ts';

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const bump = (counts: Record<string, number>, key: string) => { counts[key] = (counts[key] ?? 0) + 1; };

/** `slaOf` says which SLA a record is held to (that of the agreement version it was made under), if any. */
export function figuresOf(records: readonly ExchangeRecord[], slaOf: (record: ExchangeRecord) => Sla | null): Figures {
  const refusalsByRule: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  const byOutcome: Record<string, number> = {};
  const latencies: number[] = [];
  let outbound = 0, permitted = 0, matched = 0, unmatched = 0, within = 0, breached = 0, unknown = 0, delivered = 0, withFeedback = 0, referrals = 0, inaccurate = 0, corrected = 0;
  for (const r of records) {
    if (r.direction === 'outbound') outbound += 1;
    if (r.decision === 'deny') {
      for (const rule of r.deniedBy) bump(refusalsByRule, rule);
      continue;
    }
    permitted += 1;
    if (r.outcome === null) continue;
    bump(outcomes, r.outcome);
    if (matchedOutcomes.has(r.outcome)) matched += 1;
    if (unmatchedOutcomes.has(r.outcome)) unmatched += 1;
    if (r.referrals.includes('windrush-taskforce')) referrals += 1;
    if (r.latencyMs !== null) latencies.push(r.latencyMs);
    const sla = slaOf(r);
    if (sla) {
      const judged = judgeSla(r.recordedAt, r.completedAt, sla);
      if (judged === 'within') within += 1;
      else if (judged === 'breached') breached += 1;
      else unknown += 1;
    }
    if (failedOutcomes.has(r.outcome)) continue;
    delivered += 1;
    const reported = new Set(r.feedback.map((f) => f.outcome));
    if (reported.size > 0) withFeedback += 1;
    if ([...reported].some((o) => inaccuracyOutcomes.has(o))) inaccurate += 1;
    if (reported.has('corrected')) corrected += 1;
    for (const outcome of reported) bump(byOutcome, outcome);
  }
  return {
    requests: records.length,
    outbound,
    inbound: records.length - outbound,
    permitted,
    refused: records.length - permitted,
    refusalsByRule,
    outcomes,
    matched,
    unmatched,
    matchRate: ratio(matched, matched + unmatched),
    responseTimes: { measured: latencies.length, p50Ms: percentile(latencies, 50), p95Ms: percentile(latencies, 95) },
    sla: { measured: within + breached, within, breached, shareWithin: ratio(within, within + breached), completionUnknown: unknown },
    feedback: { exchanges: withFeedback, rate: ratio(withFeedback, delivered), byOutcome },
    // Of the answered exchanges someone gave feedback on, the share nobody said were wrong. Exchanges without
    // feedback are left out of the denominator: silence is not evidence of accuracy.
    accuracy: { withFeedback, inaccurate, corrected, rate: ratio(withFeedback - inaccurate, withFeedback) },
    windrushReferrals: referrals,
  };
}
