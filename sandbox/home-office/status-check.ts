// The Home Office's own records answering a status check from a partner (dwp.status-check,
// hmrc.status-check, dfe.education-status-check, dfe.fsm-eligibility, nhs.chargeability-check).
// One lookup serves them all and answers with the whole record, name, nationality and criminal casework
// included: a school asking about leave must get only the leave type and its validity (¶6.115–6.120), and
// cutting the record down to that, and computing ages from the date of birth, is the gateway's job.
// British citizens are found too (from passport records), with no Home Office reference.
import type { components } from '../../contracts/partners-types.ts';
import { findSubject } from '../matching.ts';
import type { PopulationIndex } from '../population/index.ts';
import type { Person } from '../population/types.ts';

type Request = components['schemas']['HomeOfficeStatusCheckRequest'];
type Response = components['schemas']['HomeOfficeStatusCheckResponse'];
type StatusRecord = components['schemas']['HomeOfficeStatusRecord'];

export function statusRecordOf(person: Person): StatusRecord {
  const immigration = person.immigration;
  return {
    homeOfficeReference: immigration.homeOfficeReference,
    nino: person.nino,
    forename: person.forename,
    surname: person.surname,
    dateOfBirth: person.dateOfBirth,
    nationality: person.nationality,
    immigrationStatus: immigration.status,
    leaveType: immigration.leaveType,
    leaveValidFrom: immigration.leaveValidFrom,
    leaveValidTo: immigration.leaveValidTo,
    noRecourseToPublicFunds: immigration.noRecourseToPublicFunds,
    supportedUnderS95: immigration.supportedUnderS95,
    arrivedInUk: immigration.arrivedInUk,
    windrushProfile: immigration.commonwealthArrivalBefore1973,
    facingDeportationForCriminalOffence: immigration.facingDeportationForCriminalOffence,
    sentenceMonths: immigration.sentenceMonths,
  };
}

export function createStatusCheck(index: PopulationIndex) {
  return (request: Request): Response => {
    const match = findSubject(index, request.subject);
    return match.outcome === 'matched'
      ? { outcome: 'matched', record: statusRecordOf(match.person) }
      : { outcome: match.outcome };
  };
}
