// Requests for dfe.child-trace as Immigration Enforcement's Removals Casework would send them.
import type { Person } from '../../sandbox/population/types.ts';

export const childTracePath = '/v1/exchanges/dfe/child-trace';
export const today = new Date('2026-11-23T12:00:00Z');
export const fixedClock = () => today;

export function childTraceRequest(
  child: Pick<Person, 'forename' | 'surname' | 'dateOfBirth'> & { postcode: string },
  overrides: Record<string, unknown> = {},
) {
  return {
    purpose: 'trace-child-of-immigration-offender',
    legalBasis: 'dpa-1998-s29-3',
    caseReference: 'IE-RC-2026-0042',
    grounds: { parentBelievedImmigrationOffender: true },
    subject: {
      forename: child.forename,
      surname: child.surname,
      dateOfBirth: child.dateOfBirth,
      postcode: child.postcode,
    },
    ...overrides,
  };
}

export function currentPostcode(person: Person): string {
  return person.addresses[person.addresses.length - 1]!.postcode;
}
