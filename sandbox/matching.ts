// How a partner system finds the person a request is about. The strongest identifier given decides
// (Home Office reference, then NINo, then name and date of birth); any other particulars given must agree
// with the record found, or there is no match.
import { createHash } from 'node:crypto';
import { nameKey, normaliseHomeOfficeReference, normaliseNino, type PopulationIndex } from './population/index.ts';
import type { Person, Population } from './population/types.ts';

export interface SubjectParticulars {
  nino?: string;
  homeOfficeReference?: string;
  forename?: string;
  surname?: string;
  dateOfBirth?: string;
}

export type SubjectMatch =
  | { outcome: 'matched'; person: Person }
  | { outcome: 'no-match' }
  | { outcome: 'multiple-matches'; people: readonly Person[] };

const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** Every particular given agrees with the record; those not given are not checked. */
export function agreesWith(person: Person, subject: SubjectParticulars): boolean {
  if (subject.nino !== undefined && (person.nino === null || normaliseNino(subject.nino) !== person.nino)) return false;
  if (subject.homeOfficeReference !== undefined) {
    const held = person.immigration.homeOfficeReference;
    if (held === null || normaliseHomeOfficeReference(subject.homeOfficeReference) !== held) return false;
  }
  if (subject.forename !== undefined && fold(subject.forename) !== fold(person.forename)) return false;
  if (subject.surname !== undefined && fold(subject.surname) !== fold(person.surname)) return false;
  return subject.dateOfBirth === undefined || subject.dateOfBirth === person.dateOfBirth;
}

/** `holds` says whose records this partner keeps (HMRC: taxpayers; the Home Office: everyone). */
export function findSubject(
  index: PopulationIndex,
  subject: SubjectParticulars,
  holds: (person: Person) => boolean = () => true,
): SubjectMatch {
  const byIdentifier =
    subject.homeOfficeReference !== undefined
      ? index.byHomeOfficeReference.get(normaliseHomeOfficeReference(subject.homeOfficeReference))
      : subject.nino !== undefined
        ? index.byNino.get(normaliseNino(subject.nino))
        : undefined;
  if (subject.homeOfficeReference !== undefined || subject.nino !== undefined) {
    return byIdentifier && holds(byIdentifier) && agreesWith(byIdentifier, subject)
      ? { outcome: 'matched', person: byIdentifier }
      : { outcome: 'no-match' };
  }
  if (subject.forename === undefined || subject.surname === undefined || subject.dateOfBirth === undefined)
    return { outcome: 'no-match' };
  const people = (
    index.byNameAndDateOfBirth.get(nameKey(subject.forename, subject.surname, subject.dateOfBirth)) ?? []
  ).filter(holds);
  if (people.length === 0) return { outcome: 'no-match' };
  if (people.length === 1) return { outcome: 'matched', person: people[0]! };
  return { outcome: 'multiple-matches', people };
}

/** Everyone by forename and surname alone: what a partner searches when a date of birth does not match. */
export function indexByName(population: Population): ReadonlyMap<string, readonly Person[]> {
  const byName = new Map<string, Person[]>();
  for (const person of population.people) {
    const key = nameKey(person.forename, person.surname, '');
    const list = byName.get(key);
    if (list) list.push(person);
    else byName.set(key, [person]);
  }
  return byName;
}

/** A reference that is the same whenever the same thing is sent, so a partner's receipts are repeatable. */
export function stableReference(prefix: string, ...parts: readonly unknown[]): string {
  return `${prefix}-${createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 10).toUpperCase()}`;
}
