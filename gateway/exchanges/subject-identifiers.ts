import type { SubjectIdentifier } from '../../audit/subject-key.ts';

/** Every identifier a request carries for its subject, for the audit log's keyed hashes. */
export function identifiersOf(subject: {
  forename: string;
  surname: string;
  dateOfBirth: string;
  nino?: string;
  homeOfficeReference?: string;
}): SubjectIdentifier[] {
  return [
    { kind: 'name-dob', forename: subject.forename, surname: subject.surname, dateOfBirth: subject.dateOfBirth },
    ...(subject.nino ? [{ kind: 'nino' as const, nino: subject.nino }] : []),
    ...(subject.homeOfficeReference ? [{ kind: 'ho-ref' as const, reference: subject.homeOfficeReference }] : []),
  ];
}
