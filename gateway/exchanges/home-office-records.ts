// The Home Office's own records (CID), looked up before a decision: they supply the facts rules need (date of
// birth, Windrush profile, deportation, nationality) and, for inbound checks, the answer itself.
import type { components } from '../../contracts/openapi-types.ts';
import type { components as partner } from '../../contracts/partners-types.ts';
import { isEeaNationality } from '../policy/eea.ts';
import type { SubjectFacts } from '../policy/types.ts';
import type { Lookup, Upstreams } from './exchange-definition.ts';

type StatusAnswer = partner['schemas']['HomeOfficeStatusCheckResponse'];
export type StatusRecord = partner['schemas']['HomeOfficeStatusRecord'];
type Subject = components['schemas']['Subject'];

/**
 * Every particular the request gives goes into the search, so a record is found only if they all agree with it:
 * a reference or NINo alone would answer with whoever holds it, whatever name and date of birth the caller gave.
 */
export async function findRecord(upstreams: Upstreams, subject: Subject): Promise<StatusAnswer> {
  const query = {
    forename: subject.forename,
    surname: subject.surname,
    dateOfBirth: subject.dateOfBirth,
    ...(subject.nino ? { nino: subject.nino } : {}),
    ...(subject.homeOfficeReference ? { homeOfficeReference: subject.homeOfficeReference } : {}),
  };
  return upstreams.homeOffice!.post<StatusAnswer>(
    '/home-office/status-check',
    { subject: query },
    'HomeOfficeStatusCheckResponse',
  );
}

export function factsOf(record: StatusRecord | undefined): Partial<SubjectFacts> {
  if (!record) return {};
  return {
    dateOfBirth: record.dateOfBirth,
    windrushProfile: record.windrushProfile,
    facingDeportationForCriminalOffence: record.facingDeportationForCriminalOffence,
    eeaNational: isEeaNationality(record.nationality),
  };
}

/** Looks the subject up for its facts only: nothing from the record goes to the partner. */
export async function lookUpFacts(upstreams: Upstreams, subject: Subject): Promise<Lookup<never>> {
  const answer = await findRecord(upstreams, subject);
  return { subject: answer.outcome === 'matched' ? factsOf(answer.record) : {} };
}
