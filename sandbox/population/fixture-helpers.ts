// Shorthand for writing fixtures by hand, so each one shows only what makes it distinctive.
import { immigrationRecord } from './immigration.ts';
import type { Address, Immigration, ImmigrationStatus, IsoDate, Person, SchoolPlacement } from './types.ts';

export function address(line1: string, town: string, postcode: string, from: IsoDate, to: IsoDate | null): Address {
  return { line1, town, postcode, from, to };
}

export function school(
  urn: string,
  schoolName: string,
  at: Omit<Address, 'from' | 'to'>,
  from: IsoDate,
  to: IsoDate | null,
): SchoolPlacement {
  return { urn, schoolName, address: { ...at, from, to }, from, to };
}

type Required = Pick<
  Person,
  'id' | 'forename' | 'surname' | 'dateOfBirth' | 'sex' | 'nationality' | 'nino' | 'addresses'
>;

export function fixturePerson(
  fields: Required &
    Partial<Omit<Person, 'immigration'>> & { immigration: Partial<Immigration> & { status: ImmigrationStatus } },
): Person {
  const { immigration, ...rest } = fields;
  return {
    employment: [],
    benefitClaims: [],
    schoolHistory: [],
    parentIds: [],
    childIds: [],
    nhsDebts: [],
    ...rest,
    immigration: immigrationRecord(immigration),
  };
}
