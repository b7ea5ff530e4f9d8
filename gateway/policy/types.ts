// The facts a decision is made from, and the shape of the decision itself (the same object everywhere).
import type { AgreementVersion, Directive, IsoDate, PartyId } from '../../mou-registry/types.ts';

export const ruleIds = [
  'party',
  'agreement-in-force',
  'purpose',
  'legal-basis',
  'field-scope',
  'direction',
  'windrush-pause',
  'financial-services-age',
  'nhs-narrowed-scope',
  'nhs-non-clinical',
  'dfe-offender-belief',
  'debtor-threshold',
  'debtor-nationality',
  'monthly-cap',
  'match-quality',
  'unknown-directive',
] as const;
export type RuleId = (typeof ruleIds)[number];

export type RuleOutcome = 'permit' | 'deny' | 'not-applicable';
export type Obligation =
  | { id: 'omit-fields'; fields: string[] }
  | { id: 'refer-to-windrush-taskforce' }
  | { id: 'withhold-older-than'; years: number };

/**
 * `reason` is for the DPO and the audit log. A rule that reads what the Home Office's records say of the person
 * also gives `callerReason`: what a party to the agreement may be told, with nothing derived from the record.
 */
export interface RuleResult {
  id: RuleId;
  outcome: RuleOutcome;
  reason: string;
  callerReason?: string;
  obligations?: Obligation[];
}

/** What the gateway knows of the person the request is about: from the request itself, or looked up in the
 * Home Office's own records before deciding. Never taken from a caller's assertion about age or status. */
export interface SubjectFacts {
  dateOfBirth: IsoDate | null;
  /** A Commonwealth citizen settled in the UK before 1 January 1973 (¶3.24). */
  windrushProfile: boolean | null;
  facingDeportationForCriminalOffence: boolean | null;
  eeaNational: boolean | null;
}

export const unknownSubject: SubjectFacts = {
  dateOfBirth: null,
  windrushProfile: null,
  facingDeportationForCriminalOffence: null,
  eeaNational: null,
};

export interface ExchangeFacts {
  id: string;
  /** Proactive: volunteered so another body can act; reactive: answering a check the other body must make. */
  mode: 'proactive' | 'reactive';
  /** The partner system at the other end. */
  partner: PartyId;
  /** Outbound: the Home Office asks a partner; inbound: a partner asks the Home Office. */
  direction: 'outbound' | 'inbound';
}

export interface RequestFacts {
  purpose: string;
  legalBasis: string;
  /** Dotted paths of the data fields the request carries (envelope fields excluded). */
  dataFields: string[];
  /** The request's structured data, for rules that read particular fields. */
  data: Record<string, unknown>;
}

export interface Facts {
  decisionDate: IsoDate;
  caller: { clientId: string; party: PartyId };
  exchange: ExchangeFacts;
  request: RequestFacts;
  /** The version the gateway found for this request, or null when no agreement names the caller. */
  agreement: AgreementVersion | null;
  directives: Directive[];
  subject: SubjectFacts;
  counters: { usedThisMonth: number };
}

export type Rule = (facts: Facts) => RuleResult;

/** Where the agreement's monthly cap stands after this decision (the calendar month in London). */
export interface MonthlyCap {
  limit: number;
  used: number;
  remaining: number;
  month: string;
}

export interface Decision {
  decision: 'permit' | 'deny';
  rules: { id: RuleId; outcome: RuleOutcome; reason: string; callerReason?: string }[];
  obligations: Obligation[];
  agreement: { id: string; version: string } | null;
  directives: string[];
  auditId: string;
  /** Shown to the parties to the agreement only (pipeline.ts); never kept in the audit entry, which counts for itself. */
  monthlyCap?: MonthlyCap;
}
