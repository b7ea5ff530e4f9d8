// DWP's customer matching (Customer Information System): only people with a NINo are DWP customers.
// A partial match (a common name, a differing date of birth, a NINo held for someone with other
// particulars) goes back with its candidates for the Home Office to resolve, never silently accepted (¶6.33).
import type { components } from '../../contracts/partners-types.ts';
import { agreesWith, type SubjectParticulars } from '../matching.ts';
import { currentAddress, nameKey, normaliseNino, type PopulationIndex } from '../population/index.ts';
import type { Person } from '../population/types.ts';

type Candidate = components['schemas']['DwpCandidate'];

export type CustomerMatch =
  | { outcome: 'matched'; customer: Person & { nino: string } }
  | { outcome: 'partial-match'; candidates: Candidate[] }
  | { outcome: 'no-match' };

const isCustomer = (person: Person): person is Person & { nino: string } => person.nino !== null;

/** Candidates carry their NINos and where they live now: more than any agreement needs, as CIS would answer. */
const asCandidate = (person: Person & { nino: string }): Candidate => ({
  forename: person.forename,
  surname: person.surname,
  dateOfBirth: person.dateOfBirth,
  nino: person.nino,
  postcode: currentAddress(person).postcode,
});

export function createCustomerMatcher(index: PopulationIndex, byName: ReadonlyMap<string, readonly Person[]>) {
  return function matchCustomer(subject: SubjectParticulars): CustomerMatch {
    const candidates = new Set<Person & { nino: string }>();
    const holder = subject.nino === undefined ? undefined : index.byNino.get(normaliseNino(subject.nino));
    if (holder && isCustomer(holder)) {
      if (
        agreesWith(holder, { forename: subject.forename, surname: subject.surname, dateOfBirth: subject.dateOfBirth })
      ) {
        return { outcome: 'matched', customer: holder };
      }
      candidates.add(holder);
    }
    const { forename, surname, dateOfBirth } = subject;
    if (forename !== undefined && surname !== undefined && dateOfBirth !== undefined) {
      const exact = (index.byNameAndDateOfBirth.get(nameKey(forename, surname, dateOfBirth)) ?? []).filter(isCustomer);
      if (exact.length === 1 && candidates.size === 0) return { outcome: 'matched', customer: exact[0]! };
      for (const person of exact) candidates.add(person);
      for (const person of (byName.get(nameKey(forename, surname, '')) ?? []).filter(isCustomer))
        candidates.add(person);
    }
    return candidates.size > 0
      ? { outcome: 'partial-match', candidates: [...candidates].map(asCandidate) }
      : { outcome: 'no-match' };
  };
}

export type CustomerMatcher = ReturnType<typeof createCustomerMatcher>;
