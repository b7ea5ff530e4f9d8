// The population's public face, and the lookups the sandbox partner services answer from. Keys are
// normalised the way a partner's matching would be, so " mohammed  KHAN" finds "Mohammed Khan".
import type { IsoDate, Person, Population } from './types.ts';

export type * from './types.ts';
export {
  generatePopulation,
  DEFAULT_REFERENCE_DATE,
  DEFAULT_SEED,
  DEFAULT_SIZE,
  EARLIEST_REFERENCE_DATE,
  type GenerateOptions,
} from './generate.ts';
export { fixtures, fixturePeople, commonNamePair, type FixtureName } from './fixtures.ts';
export { NINO_PATTERN, HOME_OFFICE_REFERENCE_PATTERN } from './identifiers.ts';
export { ageOn } from './dates.ts';
export { receptionStart } from './schooling.ts';
export { isEea, isCommonwealth } from './nationalities.ts';
export { createRandom, type Random } from './random.ts';

const squash = (value: string): string => value.trim().replace(/\s+/g, ' ');

/** `forename|surname|dateOfBirth`, lower-case, trimmed, inner whitespace collapsed to single spaces. */
export function nameKey(forename: string, surname: string, dateOfBirth: IsoDate): string {
  return [forename, surname, dateOfBirth].map((part) => squash(part).toLowerCase()).join('|');
}

/** Upper-case with a single space before the three-character inward code: "ls62ab" → "LS6 2AB". */
export function normalisePostcode(postcode: string): string {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

/** NINos are often written in pairs ("JT 48 21 93 C"); stored without spaces. */
export function normaliseNino(nino: string): string {
  return nino.replace(/\s+/g, '').toUpperCase();
}

export function normaliseHomeOfficeReference(reference: string): string {
  return reference.replace(/\s+/g, '').toUpperCase();
}

export function currentAddress(person: Person): Person['addresses'][number] {
  const current = person.addresses.find((a) => a.to === null);
  if (!current) throw new RangeError(`${person.id} has no current address`);
  return current;
}

export interface PopulationIndex {
  byId: ReadonlyMap<string, Person>;
  byNino: ReadonlyMap<string, Person>;
  byHomeOfficeReference: ReadonlyMap<string, Person>;
  /** Names are not unique (see the commonNamePair fixtures), nor quite are name and date of birth. */
  byNameAndDateOfBirth: ReadonlyMap<string, readonly Person[]>;
  /** By current address postcode. */
  byPostcode: ReadonlyMap<string, readonly Person[]>;
  /** By any postcode a person has lived at, current or past. */
  byAnyPostcode: ReadonlyMap<string, readonly Person[]>;
}

export function indexPopulation(population: Population): PopulationIndex {
  const byId = new Map<string, Person>();
  const byNino = new Map<string, Person>();
  const byHomeOfficeReference = new Map<string, Person>();
  const byNameAndDateOfBirth = new Map<string, Person[]>();
  const byPostcode = new Map<string, Person[]>();
  const byAnyPostcode = new Map<string, Person[]>();
  const append = (map: Map<string, Person[]>, key: string, person: Person) => {
    const list = map.get(key);
    if (!list) map.set(key, [person]);
    else if (list[list.length - 1] !== person) list.push(person);
  };
  for (const person of population.people) {
    byId.set(person.id, person);
    if (person.nino !== null) byNino.set(normaliseNino(person.nino), person);
    if (person.immigration.homeOfficeReference !== null)
      byHomeOfficeReference.set(normaliseHomeOfficeReference(person.immigration.homeOfficeReference), person);
    append(byNameAndDateOfBirth, nameKey(person.forename, person.surname, person.dateOfBirth), person);
    for (const address of person.addresses) {
      const postcode = normalisePostcode(address.postcode);
      append(byAnyPostcode, postcode, person);
      if (address.to === null) append(byPostcode, postcode, person);
    }
  }
  return { byId, byNino, byHomeOfficeReference, byNameAndDateOfBirth, byPostcode, byAnyPostcode };
}
