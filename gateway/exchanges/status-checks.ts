// Reactive status checks that partners make of the Home Office under their own statutory duties (¶5.43, ¶6.56).
// The whole record is mapped to result fields; each agreement lets through only what its exchange allows
// (a school learns leave type and validity, never a name, ¶6.115).
import type { ExchangeOf, ExchangeOperationId, ResultOf } from './exchange-definition.ts';
import { factsOf, findRecord, type StatusRecord } from './home-office-records.ts';
import { identifiersOf } from './subject-identifiers.ts';

function candidateOf(record: StatusRecord): ResultOf<StatusCheck> & Record<string, unknown> {
  return {
    match: true,
    immigrationStatus: record.immigrationStatus,
    leaveType: record.leaveType,
    leaveValidTo: record.leaveValidTo,
    noRecourseToPublicFunds: record.noRecourseToPublicFunds,
    supportedUnderS95: record.supportedUnderS95,
    partVI: record.supportedUnderS95 ? 'Part VI' : null,
    windrushReferral: record.windrushProfile,
    // Identifying particulars are mapped too, so that the agreement, not this code, is what withholds them.
    forename: record.forename,
    surname: record.surname,
    nationality: record.nationality,
    homeOfficeReference: record.homeOfficeReference,
  };
}

/** The status checks: operations that take a StatusCheckRequest and answer a StatusCheckResponse. */
type StatusCheck = Extract<
  ExchangeOperationId,
  'dwpStatusCheck' | 'hmrcStatusCheck' | 'dfeEducationStatusCheck' | 'dfeFsmEligibility' | 'nhsChargeabilityCheck'
>;

/** Each check is typed from its own operation; the one body below serves all five, as their schemas are the same. */
function statusCheck<Op extends StatusCheck>(id: string, operationId: Op): ExchangeOf<Op>;
function statusCheck(id: string, operationId: StatusCheck): ExchangeOf<StatusCheck> {
  return {
    id,
    operationId,
    upstream: 'homeOffice',
    partner: 'home-office',
    direction: 'inbound',
    mode: 'reactive',
    subjects: ({ subject }) => identifiersOf(subject),
    async lookup(upstreams, { subject }) {
      const answer = await findRecord(upstreams, subject);
      if (answer.outcome !== 'matched' || !answer.record)
        return { subject: {}, answer: { outcome: answer.outcome, candidate: { match: false } } };
      return { subject: factsOf(answer.record), answer: { outcome: 'matched', candidate: candidateOf(answer.record) } };
    },
    call: async () => {
      throw new Error('status checks answer from their lookup');
    },
  };
}

export const dwpStatusCheck = statusCheck('dwp.status-check', 'dwpStatusCheck');
export const hmrcStatusCheck = statusCheck('hmrc.status-check', 'hmrcStatusCheck');
export const dfeEducationStatusCheck = statusCheck('dfe.education-status-check', 'dfeEducationStatusCheck');
export const dfeFsmEligibility = statusCheck('dfe.fsm-eligibility', 'dfeFsmEligibility');
export const nhsChargeabilityCheck = statusCheck('nhs.chargeability-check', 'nhsChargeabilityCheck');
