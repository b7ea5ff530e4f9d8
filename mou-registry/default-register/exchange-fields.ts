// What each exchange may carry at most: the dotted request fields a caller may send and the top-level result
// fields it may receive. Agreements use these as their scope; a version may narrow them, never widen them.
// Kept to what the purpose needs (data minimisation): NHS exchanges carry no clinical data (¶5.31, fn 36);
// an education status reply never names or identifies anyone and never judges entitlement (¶6.115, ¶6.120);
// HMRC is asked only about the person named, with the use stated (¶6.79).
import type { ExchangeId, ExchangeTerms, PartyId } from '../types.ts';

export interface ExchangeFields {
  request: string[];
  response: string[];
}

const person = ['subject.forename', 'subject.surname', 'subject.dateOfBirth'];
const statusCheckSubject = [...person, 'subject.nino', 'subject.homeOfficeReference'];
const notification = [
  'notificationReference',
  ...person,
  'subject.homeOfficeReference',
  'subject.nino',
  'change',
  'effectiveFrom',
];

export const exchangeFields = {
  // UKVI sends each day's grants; DWP confirms, finds or assigns a NINo. Refugees are flagged for the 48-hour SLA (¶6.33–6.34).
  'dwp.nino-alignment': {
    request: [
      'batchReference',
      'grants[].homeOfficeReference',
      'grants[].forename',
      'grants[].surname',
      'grants[].dateOfBirth',
      'grants[].nino',
      'grants[].vulnerable',
    ],
    response: ['matches', 'partialMatches'],
  },
  // Has the applicant claimed benefits, and on what basis (¶6.46, ¶6.51).
  'dwp.accessed-public-funds': {
    request: [...person, 'subject.nino', 'since'],
    response: ['match', 'claims', 'partialMatches'],
  },
  // DWP checks a claimant's status under its own statutory duties (¶6.56).
  'dwp.status-check': {
    request: statusCheckSubject,
    response: [
      'match',
      'immigrationStatus',
      'leaveType',
      'leaveValidTo',
      'noRecourseToPublicFunds',
      'windrushReferral',
    ],
  },
  // The Home Office volunteers a change of status so that DWP can act on it (compliant environment, ¶5.43).
  'dwp.proactive-notification': { request: notification, response: ['reference', 'recordFound'] },
  // HMRC releases nothing without an exact statement of use (¶6.79).
  'hmrc.evidence-request': {
    request: [...person, 'subject.nino', 'evidence', 'statedUse'],
    response: ['match', 'employment', 'income', 'residence'],
  },
  'hmrc.status-check': {
    request: statusCheckSubject,
    response: [
      'match',
      'immigrationStatus',
      'leaveType',
      'leaveValidTo',
      'noRecourseToPublicFunds',
      'windrushReferral',
    ],
  },
  'hmrc.proactive-notification': { request: notification, response: ['reference', 'recordFound'] },
  // Three-point match only; nothing about the parents comes back (¶6.102, fn 65).
  'dfe.child-trace': {
    request: [
      'subject.forename',
      'subject.surname',
      'subject.dateOfBirth',
      'subject.postcode',
      'grounds.parentBelievedImmigrationOffender',
      'urgentSafeguarding',
    ],
    response: ['match', 'addresses'],
  },
  // A school or LEA asks about a parent: the reply is the leave type and its validity, nothing else (¶6.115, ¶6.120).
  'dfe.education-status-check': {
    request: [...person, 'subject.homeOfficeReference'],
    response: ['leaveType', 'leaveValidTo', 'windrushReferral'],
  },
  // The ECS team asks the Home Office to validate a claim; the reply must say Part VI (¶6.133–6.134).
  'dfe.fsm-eligibility': {
    request: [...person, 'subject.homeOfficeReference'],
    response: ['supportedUnderS95', 'partVI'],
  },
  // A Trust's Overseas Visitors Manager checks status; the Home Office does not say whether to charge (fn 69).
  'nhs.chargeability-check': {
    request: [...person, 'subject.homeOfficeReference'],
    response: ['immigrationStatus', 'leaveType', 'leaveValidTo', 'windrushReferral'],
  },
  // Non-clinical fields only; date of birth is mandatory; status as in Figure 5 (¶6.153–6.157, ¶6.166).
  'nhs.debtor-return': {
    request: [
      ...person,
      'subject.homeOfficeReference',
      'debt.invoiceNumber',
      'debt.invoicedOn',
      'debt.amountPence',
      'debt.status',
    ],
    response: ['recorded', 'reference', 'previousStatus'],
  },
  // The grounds travel with the request so that NHS Digital (and the gateway) can test them (¶5.36, fn 32, fn 36).
  'nhs.trace-request': {
    request: [...person, 'subject.postcode', 'trace.reason', 'trace.otherEffortsFailed', 'trace.sentenceMonths'],
    response: ['match', 'address'],
  },
  // A bank or building society is told a customer is a disqualified person (Immigration Acts 2014 and 2016, ¶5.43).
  'financial.status-share': {
    request: ['shareReference', ...person, 'subject.postcode', 'status', 'reason', 'effectiveFrom'],
    response: ['reference'],
  },
} satisfies Record<ExchangeId, ExchangeFields>;

export type KnownExchange = keyof typeof exchangeFields;

/** Terms for one exchange under a version, with the fields above; `narrower` may only remove fields. */
export function exchangeTerms(
  exchange: KnownExchange,
  requesters: PartyId[],
  responder: PartyId,
  narrower: Partial<ExchangeFields> & { lookbackYears?: number } = {},
): ExchangeTerms {
  const fields = exchangeFields[exchange];
  const within = (wanted: string[] | undefined, allowed: string[]) =>
    (wanted ?? allowed).filter((f) => allowed.includes(f));
  return {
    exchange,
    requesters,
    responder,
    requestFields: within(narrower.request, fields.request),
    responseFields: within(narrower.response, fields.response),
    ...(narrower.lookbackYears ? { lookbackYears: narrower.lookbackYears } : {}),
  };
}
