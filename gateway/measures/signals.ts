// What needs attention, worked out from the register and the log: a feed that stopped (¶6.136), SLA breaches,
// caps near their limit (¶6.112), reviews overdue (¶6.140), directives about to lapse (¶5.43), and an audit log
// that does not verify (for the DPO first of all). Pure.
import type { ChainHealth } from '../../audit/chain-health.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import { addDays, daysBetween, wholePeriodsSince, type Interval } from './periods.ts';
import type { CapUse } from './report.ts';
import type { Figures } from './types.ts';

export type SignalCode =
  | 'audit-chain-broken'
  | 'feed-stopped'
  | 'sla-breached'
  | 'cap-reached'
  | 'cap-near-limit'
  | 'review-overdue'
  | 'directive-lapsing'
  | 'recorded-after-the-fact'
  | 'obligation-overdue'
  | 'sign-off-overdue'
  | 'action-overdue';

export interface Signal {
  code: SignalCode;
  severity: 'urgent' | 'warning';
  collaborationId: string | null;
  agreementId: string | null;
  exchange: string | null;
  directiveId: string | null;
  /** A sentence an SRO can act on; names no person. */
  detail: string;
}

/** A feed a governing version's measure expects, and when the log last saw it. */
export interface FeedState {
  collaborationId: string;
  agreementId: string;
  measure: string;
  description: string;
  exchanges: string[];
  every: Interval;
  missedPeriods: number;
  lastSeen: IsoDate | null;
  /** The first day the gateway could have seen it: the later of the version's coming into force and the log's start. */
  watchedFrom: IsoDate;
}

export interface SlaState {
  collaborationId: string;
  agreementId: string;
  exchange: string;
  figures: Figures;
}
export interface ReviewState {
  collaborationId: string;
  agreementId: string;
  version: string;
  nextReviewDue: IsoDate | null;
}
export interface DirectiveState {
  id: string;
  title: string;
  effectiveTo: IsoDate | null;
}
export interface CapState extends CapUse {
  collaborationId: string;
}
/** A register change recorded more than a day after the day it took effect: who, what, when, and why. */
export interface LateRecord {
  actor: string;
  action: string;
  target: string;
  validFrom: IsoDate;
  recordedOn: IsoDate;
  reason: string | null;
}

export interface SignalInput {
  today: IsoDate;
  feeds: FeedState[];
  /** Figures of the last `slaDays` days. */
  sla: SlaState[];
  caps: CapState[];
  reviews: ReviewState[];
  directives: DirectiveState[];
  /** Register changes recorded after the fact in the last `afterTheFactDays` days. */
  lateRecords?: LateRecord[];
  /** Whether the audit chain is known to be broken (audit/chain-health.ts). */
  chain?: ChainHealth;
  /** Obligations on decisions not confirmed by their due date (gateway/obligations). */
  overdueObligations?: OverdueObligation[];
}

export interface OverdueObligation {
  id: string;
  duty: string;
  responsibleParty: string;
  agreementId: string | null;
  exchange: string;
  due: IsoDate;
}

export const thresholds = {
  capNearShare: 0.8,
  /** Below this share within SLA a breach is urgent. */
  slaUrgentShare: 0.9,
  slaDays: 30,
  directiveLapseDays: 30,
  directiveUrgentDays: 7,
  reviewUrgentDays: 90,
  afterTheFactDays: 90,
} as const;

const periodWord: Record<Interval, [string, string]> = {
  day: ['day', 'days'],
  week: ['week', 'weeks'],
  month: ['month', 'months'],
};
const percent = (share: number) => `${Math.floor(share * 1000) / 10}%`;

export function signalsOf(input: SignalInput): Signal[] {
  const out: Signal[] = [];
  const base = { collaborationId: null, agreementId: null, exchange: null, directiveId: null };
  const chain = input.chain;
  if (chain?.status === 'broken') {
    out.push({
      ...base,
      code: 'audit-chain-broken',
      severity: 'urgent',
      detail:
        `The audit log does not verify (${chain.problem ?? 'unknown problem'}), found by ${chain.source === 'verification' ? 'a verification of the whole log' : 'the checkpointer'} at ${chain.since}. ` +
        'Exchanges are refused until a verification of the whole log passes: investigate, restore the log, then verify it',
    });
  }
  for (const f of input.feeds) {
    const silent = wholePeriodsSince(f.lastSeen ?? f.watchedFrom, input.today, f.every);
    if (silent < f.missedPeriods) continue;
    const [one, many] = periodWord[f.every];
    out.push({
      ...base,
      code: 'feed-stopped',
      severity: 'urgent',
      collaborationId: f.collaborationId,
      agreementId: f.agreementId,
      exchange: f.exchanges.join(', '),
      detail:
        `No ${f.exchanges.join(' or ')} for ${silent} whole ${silent === 1 ? one : many} (expected every ${one}: ${f.measure})` +
        (f.lastSeen ? `; last seen ${f.lastSeen}` : `; none since ${f.watchedFrom}`),
    });
  }
  for (const s of input.sla) {
    const { breached, shareWithin, measured } = s.figures.sla;
    if (breached === 0 || shareWithin === null) continue;
    out.push({
      ...base,
      code: 'sla-breached',
      severity: shareWithin < thresholds.slaUrgentShare ? 'urgent' : 'warning',
      collaborationId: s.collaborationId,
      agreementId: s.agreementId,
      exchange: s.exchange,
      detail: `${breached} of ${measured} ${s.exchange} requests completed by the partner in the last ${thresholds.slaDays} days missed the SLA (${percent(shareWithin)} within)`,
    });
  }
  for (const c of input.caps) {
    const share = c.used / c.monthlyCap;
    if (share < thresholds.capNearShare) continue;
    out.push({
      ...base,
      code: share >= 1 ? 'cap-reached' : 'cap-near-limit',
      severity: share >= 1 ? 'urgent' : 'warning',
      collaborationId: c.collaborationId,
      agreementId: c.agreementId,
      detail: `${c.used} of the ${c.monthlyCap} allowed in ${c.month} used (${percent(share)}) under ${c.agreementId} (version ${c.version})`,
    });
  }
  for (const r of input.reviews) {
    if (r.nextReviewDue === null || r.nextReviewDue >= input.today) continue;
    const late = daysBetween(r.nextReviewDue, input.today);
    out.push({
      ...base,
      code: 'review-overdue',
      severity: late > thresholds.reviewUrgentDays ? 'urgent' : 'warning',
      collaborationId: r.collaborationId,
      agreementId: r.agreementId,
      detail: `The joint review of ${r.agreementId} (version ${r.version}) was due on ${r.nextReviewDue}, ${late} days ago`,
    });
  }
  for (const d of input.directives) {
    if (
      d.effectiveTo === null ||
      d.effectiveTo < input.today ||
      d.effectiveTo > addDays(input.today, thresholds.directiveLapseDays)
    )
      continue;
    const left = daysBetween(input.today, d.effectiveTo);
    out.push({
      ...base,
      code: 'directive-lapsing',
      severity: left <= thresholds.directiveUrgentDays ? 'urgent' : 'warning',
      directiveId: d.id,
      detail: `${d.title} lapses after ${d.effectiveTo} (${left === 0 ? 'today is its last day' : `${left} days left`}): extend it or let it end deliberately`,
    });
  }
  for (const r of input.lateRecords ?? []) {
    const target = r.target.split('/');
    out.push({
      ...base,
      code: 'recorded-after-the-fact',
      severity: 'warning',
      agreementId: target[0] === 'agreement' ? target[1]! : null,
      directiveId: target[0] === 'directive' ? target[1]! : null,
      detail:
        `${r.actor} recorded ${r.action} of ${r.target} on ${r.recordedOn}, dated ${r.validFrom} (${daysBetween(r.validFrom, r.recordedOn)} days earlier): ` +
        (r.reason ? `"${r.reason}"` : 'no reason given'),
    });
  }
  for (const o of input.overdueObligations ?? []) {
    out.push({
      ...base,
      code: 'obligation-overdue',
      severity: 'urgent',
      agreementId: o.agreementId,
      exchange: o.exchange,
      detail: `${o.duty}: due from ${o.responsibleParty} on ${o.due}, not confirmed ${daysBetween(o.due, input.today)} days later (obligation ${o.id})`,
    });
  }
  const rank = (s: Signal) => (s.severity === 'urgent' ? 0 : 1);
  const order: SignalCode[] = [
    'audit-chain-broken',
    'feed-stopped',
    'sla-breached',
    'cap-reached',
    'directive-lapsing',
    'cap-near-limit',
    'obligation-overdue',
    'review-overdue',
    'sign-off-overdue',
    'action-overdue',
    'recorded-after-the-fact',
  ];
  return out.sort((a, b) => rank(a) - rank(b) || order.indexOf(a.code) - order.indexOf(b.code));
}
