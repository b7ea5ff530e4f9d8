// The register's vocabulary: collaborations, the agreements that govern them, and directives.
// Types here mirror the register schemas in openapi.yaml.

import type { IsoDate } from '../platform/london-day.ts';

export type { IsoDate };
export type PartyId = string; // e.g. 'home-office-ie', 'dfe'
export type ExchangeId = string; // e.g. 'dfe.child-trace'

export type PartyKind =
  | 'department'
  | 'directorate'
  | 'agency'
  | 'nhs-body'
  | 'local-authority'
  | 'school'
  | 'financial-institution';

export interface Party {
  id: PartyId;
  name: string;
  kind: PartyKind;
  /** Set when the organisation no longer exists (e.g. UKBA, abolished 2013, ¶6.130). */
  defunctSince: IsoDate | null;
}

export type CollaborationKind = 'bau' | 'operation' | 'project';

export interface Contact {
  name: string;
  role: string;
  email: string;
  phone?: string;
}

export interface Collaboration {
  id: string;
  reportRef: string; // the report's numbering, e.g. '7' or '–'
  title: string;
  purpose: string;
  kind: CollaborationKind;
  directorate: string;
  owner: Contact;
  parties: PartyId[];
  startsOn: IsoDate;
  endsOn: IsoDate | null;
  status: 'active' | 'closed';
}

export type AgreementKind = 'mou' | 'data-sharing-agreement' | 'data-usage-agreement' | 'statutory-gateway';
export type VersionStatus = 'draft' | 'signed' | 'in-force' | 'suspended' | 'terminated' | 'expired';

export interface Signature {
  party: PartyId;
  signatory: string;
  signedOn: IsoDate;
}
export interface LegalBasis {
  code: string;
  statute: string;
  section: string;
  /** Where the provision is named: the report's paragraph, or the public text of the statute. */
  source?: string;
}
export interface Purpose {
  code: string;
  description: string;
  mode: 'proactive' | 'reactive';
  compliantEnvironment: boolean;
}

/** What one exchange under the agreement may carry: the data minimisation contract. */
export interface ExchangeTerms {
  exchange: ExchangeId;
  requesters: PartyId[];
  responder: PartyId;
  /** Dotted paths of request data fields allowed, e.g. 'subject.postcode'. */
  requestFields: string[];
  /** Top-level result fields the caller may receive. */
  responseFields: string[];
  /** Addresses or records older than this are withheld (DfE: 5 years, ¶6.100). */
  lookbackYears?: number;
}

export interface PerformanceMeasure {
  code: string;
  description: string;
  slaHours?: number;
  slaWorkingDays?: number;
  monthlyCap?: number;
  /** Which exchanges count against the cap (or the SLA, or make up the feed). */
  exchanges?: ExchangeId[];
  /** A feed expected at a steady rhythm (e.g. a weekly batch, ¶6.132): after `missedPeriods` whole periods with no
   * exchange the measures raise a signal, so a silent gap cannot go unnoticed as one did for 4 months (¶6.136). */
  cadence?: { every: 'day' | 'week' | 'month'; missedPeriods?: number };
}

export interface AgreementVersion {
  agreementId: string;
  version: string;
  title: string;
  kind: AgreementKind;
  parties: PartyId[];
  signatures: Signature[];
  inForceFrom: IsoDate | null;
  inForceTo: IsoDate | null;
  /** When the version was first written (valid time), where known: before it, the version did not exist. */
  draftedOn?: IsoDate | null;
  /** Dated lifecycle events after signing; terms themselves never change once signed. */
  suspensions: { from: IsoDate; to: IsoDate | null; reason: string }[];
  terminatedOn: IsoDate | null;
  legalBases: LegalBasis[];
  purposes: Purpose[];
  partyAims: { party: PartyId; seeks: string }[];
  exchanges: ExchangeTerms[];
  dataAccuracy: { matchPoints: string[]; description: string } | null;
  sopReferences: string[];
  processMaps: string[];
  seniorOwners: ({ party: PartyId } & Contact)[];
  communication: string | null;
  feedback: string | null;
  measures: PerformanceMeasure[];
  review: {
    intervalMonths: number | null;
    lastReviewedOn: IsoDate | null;
    nextReviewDue: IsoDate | null;
    improvementPlan: string | null;
  };
  /** Names the document bears, to catch defunct organisations (e.g. a UKBA logo, ¶6.130). */
  namesOrganisations: PartyId[];
  notes: string | null;
}

/** What is agreed and stored; once any party signs, it never changes. */
export type VersionTerms = Omit<AgreementVersion, 'signatures' | 'suspensions' | 'terminatedOn'>;

export interface Agreement {
  id: string;
  collaborationId: string;
  kind: AgreementKind;
  title: string;
}

export interface DirectiveScope {
  parties?: PartyId[];
  exchanges?: ExchangeId[];
  direction?: 'outbound' | 'inbound';
  purposeMode?: 'proactive' | 'reactive';
  compliantEnvironment?: boolean;
}

export interface Directive {
  id: string;
  title: string;
  authority: string;
  scope: DirectiveScope;
  /** Machine-readable effect; rules interpret it (e.g. { kind: 'pause-over-age', age: 30 }). */
  condition: Record<string, unknown>;
  effectiveFrom: IsoDate;
  effectiveTo: IsoDate | null;
  reference: string;
  /**
   * Set by the register cache when the condition does not match its kind's schema (a row written around the API):
   * the rules cannot apply it as meant, so the unknown-directive rule refuses what it reaches.
   */
  conditionUnreadable?: true;
}
