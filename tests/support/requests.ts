// Requests for each exchange as its rightful caller would send them, built from a person in the synthetic
// population, with the purpose, legal basis and case reference the default register expects.
import type { Person } from '../../sandbox/population/types.ts';
import { childTraceRequest } from './child-trace.ts';
import { nameAndBirth } from './exchanges.ts';

export const paths = {
  'dwp.nino-alignment': '/v1/exchanges/dwp/nino-alignment',
  'dwp.accessed-public-funds': '/v1/exchanges/dwp/accessed-public-funds',
  'dwp.status-check': '/v1/exchanges/dwp/status-check',
  'dwp.proactive-notification': '/v1/exchanges/dwp/proactive-notification',
  'hmrc.evidence-request': '/v1/exchanges/hmrc/evidence-request',
  'hmrc.status-check': '/v1/exchanges/hmrc/status-check',
  'hmrc.proactive-notification': '/v1/exchanges/hmrc/proactive-notification',
  'dfe.child-trace': '/v1/exchanges/dfe/child-trace',
  'dfe.education-status-check': '/v1/exchanges/dfe/education-status-check',
  'dfe.fsm-eligibility': '/v1/exchanges/dfe/fsm-eligibility',
  'nhs.chargeability-check': '/v1/exchanges/nhs/chargeability-check',
  'nhs.debtor-return': '/v1/exchanges/nhs/debtor-return',
  'nhs.trace-request': '/v1/exchanges/nhs/trace-request',
  'financial.status-share': '/v1/exchanges/financial/status-share',
} as const;

type Who = Pick<Person, 'forename' | 'surname' | 'dateOfBirth'> & Partial<Pick<Person, 'nino' | 'immigration'>>;

/** The subject's particulars, with its Home Office reference and NINo when asked for and held. */
export function subjectOf(p: Who, with_: { nino?: boolean; homeOfficeReference?: boolean } = {}) {
  return {
    ...nameAndBirth(p),
    ...(with_.nino && p.nino ? { nino: p.nino } : {}),
    ...(with_.homeOfficeReference && p.immigration?.homeOfficeReference
      ? { homeOfficeReference: p.immigration.homeOfficeReference }
      : {}),
  };
}

export const ninoAlignment = (
  grants: (Who & { homeOfficeReference: string; nino?: string | null; vulnerable?: boolean })[],
) => ({
  purpose: 'record-nino-on-brp',
  legalBasis: 'ssaa-1992-s122b',
  caseReference: 'UKVI-NA-2026-1123',
  batchReference: 'CID-GRANTS-2026-11-23',
  grants: grants.map((g) => ({
    homeOfficeReference: g.homeOfficeReference,
    ...nameAndBirth(g),
    ...(g.nino ? { nino: g.nino } : {}),
    ...(g.vulnerable !== undefined ? { vulnerable: g.vulnerable } : {}),
  })),
});

export const accessedPublicFunds = (p: Who, with_: { nino?: boolean } = { nino: true }) => ({
  purpose: 'check-accessed-public-funds',
  legalBasis: 'dpa-1998-s29-3',
  caseReference: 'UKVI-MC-2026-0311',
  subject: subjectOf(p, with_),
});

export const dwpStatusCheck = (p: Who, with_: { nino?: boolean; homeOfficeReference?: boolean } = {}) => ({
  purpose: 'benefit-entitlement-status-check',
  legalBasis: 'ssaa-1992-s122b',
  caseReference: 'DWP-UC-2026-7781',
  subject: subjectOf(p, with_),
});

export const hmrcStatusCheck = (p: Who, with_: { nino?: boolean; homeOfficeReference?: boolean } = {}) => ({
  purpose: 'tax-credit-child-benefit-status-check',
  legalBasis: 'ukba-2007-s40',
  caseReference: 'HMRC-CB-2026-5512',
  subject: subjectOf(p, with_),
});

const notification = {
  notificationReference: 'HO-CE-N-2026-0042',
  change: 'leave-curtailed',
  effectiveFrom: '2026-11-01',
} as const;

export const dwpProactiveNotification = (
  p: Who,
  with_: { nino?: boolean; homeOfficeReference?: boolean } = { homeOfficeReference: true },
) => ({
  purpose: 'cease-benefits-notification',
  legalBasis: 'ssaa-1992-s122b',
  caseReference: 'HO-CE-2026-0042',
  ...notification,
  subject: subjectOf(p, with_),
});

export const hmrcProactiveNotification = (
  p: Who,
  with_: { nino?: boolean; homeOfficeReference?: boolean } = { homeOfficeReference: true },
) => ({
  purpose: 'compliant-environment-notification',
  legalBasis: 'iaa-1999-s21',
  caseReference: 'HO-CE-2026-0043',
  ...notification,
  subject: subjectOf(p, with_),
});

export const statedUse = 'To establish whether the person has worked in breach of their conditions of stay';

export const hmrcEvidenceRequest = (p: Who, extra: Record<string, unknown> = {}) => ({
  purpose: 'immigration-offences',
  legalBasis: 'ukba-2007-s40',
  caseReference: 'IE-ICE-2026-1207',
  subject: subjectOf(p),
  statedUse,
  ...extra,
});

export const educationStatusCheck = (p: Who) => ({
  purpose: 'confirm-parent-leave',
  legalBasis: 'education-gateway-yet-to-be-named',
  caseReference: 'LEA-ADM-2026-0917',
  subject: subjectOf(p, { homeOfficeReference: true }),
});

export const fsmEligibility = (p: Who) => ({
  purpose: 'free-school-meals-eligibility',
  legalBasis: 'iaa-1999-s95',
  caseReference: 'ECS-FSM-2026-0230',
  subject: subjectOf(p),
});

export const chargeabilityCheck = (p: Who) => ({
  purpose: 'establish-chargeability',
  legalBasis: 'nhs-overseas-visitor-charging',
  caseReference: 'GSTT-OVM-2026-0815',
  subject: subjectOf(p),
});

export type DebtStatus =
  | 'debt-outstanding'
  | 'repayment-arrangement'
  | 'defaulted-debt-still-outstanding'
  | 'debt-repaid';

export const debtorReturn = (
  p: Who,
  debt: { amountPence: number; invoicedOn: string; status?: DebtStatus; invoiceNumber?: string },
) => ({
  purpose: 'record-nhs-debt',
  legalBasis: 'immigration-rules-320-22',
  caseReference: 'OVM-DEBTORS-2026-11',
  subject: subjectOf(p),
  debt: {
    invoiceNumber: debt.invoiceNumber ?? 'INV-2026-08-0451',
    invoicedOn: debt.invoicedOn,
    amountPence: debt.amountPence,
    status: debt.status ?? 'debt-outstanding',
  },
});

export const nhsTraceRequest = (
  p: Who,
  purpose = 'deportation-serious-criminal-offence',
  trace: { otherEffortsFailed: boolean; sentenceMonths?: number } = { otherEffortsFailed: true, sentenceMonths: 18 },
) => ({ purpose, legalBasis: 'iaa-1999-s20', caseReference: 'IE-TRACE-2026-0661', subject: subjectOf(p), trace });

export const financialStatusShare = (
  p: Who,
  reason: 'facing-deportation-for-criminal-offence' | 'no-leave' = 'facing-deportation-for-criminal-offence',
) => ({
  purpose: 'disqualified-person-current-account',
  legalBasis: 'ia-2014-s40-40h',
  caseReference: 'HO-FIN-2026-0119',
  shareReference: 'HO-FIN-SHARE-0119',
  status: 'disqualified-person',
  reason,
  effectiveFrom: '2026-11-01',
  subject: subjectOf(p),
});

/** A well-formed request of each exchange about a person, as its rightful caller would send it. */
export const rightfulRequest: Record<keyof typeof paths, (p: Person) => unknown> = {
  'dwp.nino-alignment': (p) =>
    ninoAlignment([{ ...p, homeOfficeReference: p.immigration.homeOfficeReference!, nino: p.nino }]),
  'dwp.accessed-public-funds': (p) => accessedPublicFunds(p),
  'dwp.status-check': (p) => dwpStatusCheck(p, { nino: true }),
  'dwp.proactive-notification': (p) => dwpProactiveNotification(p),
  'hmrc.evidence-request': (p) => hmrcEvidenceRequest(p),
  'hmrc.status-check': (p) => hmrcStatusCheck(p, { nino: true }),
  'hmrc.proactive-notification': (p) => hmrcProactiveNotification(p),
  'dfe.child-trace': (p) => childTraceRequest({ ...p, postcode: 'LS6 2AB' }),
  'dfe.education-status-check': (p) => educationStatusCheck(p),
  'dfe.fsm-eligibility': (p) => fsmEligibility(p),
  'nhs.chargeability-check': (p) => chargeabilityCheck(p),
  'nhs.debtor-return': (p) => debtorReturn(p, { amountPence: 65_000, invoicedOn: '2026-08-23' }),
  'nhs.trace-request': (p) => nhsTraceRequest(p),
  'financial.status-share': (p) => financialStatusShare(p),
};
