// The measures' vocabulary: one governed exchange as the audit log tells it, and the figures made from many.
import type { IsoDate } from '../../mou-registry/types.ts';
import type { FeedbackOutcome } from './feedback-outcomes.ts';

/** A decision entry joined with its outcome entry and any feedback entries: everything measured comes from these. */
export interface ExchangeRecord {
  auditId: string;
  /** When the decision was committed (ISO instant). */
  recordedAt: string;
  /** The London day the decision was made for (the entry's decisionDate). */
  day: IsoDate;
  exchange: string;
  direction: 'outbound' | 'inbound';
  party: string;
  partner: string;
  agreement: { id: string; version: string } | null;
  decision: 'permit' | 'deny';
  /** Rules that denied; empty when permitted. */
  deniedBy: string[];
  /** Directives in force on the day of the decision. */
  directives: string[];
  /** The partner's outcome (matched, no-match, upstream-error, …), null when refused or not yet recorded. */
  outcome: string | null;
  latencyMs: number | null;
  /** When the partner reported completing the work (a NINo allocated, a trace answered); null when not reported. */
  completedAt: string | null;
  referrals: string[];
  feedback: { party: string; outcome: FeedbackOutcome }[];
}

export interface Figures {
  /** Decisions made (dry runs excluded). */
  requests: number;
  /** The Home Office asking or telling a partner. */
  outbound: number;
  /** A partner asking or telling the Home Office. */
  inbound: number;
  permitted: number;
  refused: number;
  /** Refusals by the rule that denied; a refusal by two rules counts under each. */
  refusalsByRule: Record<string, number>;
  /** Partner outcomes of permitted exchanges. */
  outcomes: Record<string, number>;
  matched: number;
  unmatched: number;
  /** matched / (matched + unmatched); null when nothing was looked up. */
  matchRate: number | null;
  responseTimes: { measured: number; p50Ms: number | null; p95Ms: number | null };
  /**
   * Request to the partner's reported completion, against the SLA of the agreement version it was made under.
   * Exchanges under an SLA whose completion was never reported are `completionUnknown`, never counted as met.
   */
  sla: { measured: number; within: number; breached: number; shareWithin: number | null; completionUnknown: number };
  /** What exchanges led to, as the receiving party reported it (¶6.62). */
  feedback: { exchanges: number; rate: number | null; byOutcome: Record<string, number> };
  /**
   * The accuracy loop: of the answered exchanges (permitted, with a usable partner answer) that have any feedback,
   * how many were reported wrong-person, data-inaccurate or corrected, how many corrected, and the share that were not.
   */
  accuracy: { withFeedback: number; inaccurate: number; corrected: number; rate: number | null };
  windrushReferrals: number;
}

export interface Window {
  from: IsoDate;
  to: IsoDate;
}
