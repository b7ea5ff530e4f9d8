// The entry point: a population of fixtures followed by generated households, reproducible from
// (seed, size, referenceDate) alone so that every sandbox run serves exactly the same records.
import { isIsoDate } from './dates.ts';
import { fixturePeople } from './fixtures.ts';
import { buildHousehold } from './household.ts';
import { planHousehold } from './household-plan.ts';
import { createIdentifierIssuer, personId } from './identifiers.ts';
import { createRandom } from './random.ts';
import type { IsoDate, Population } from './types.ts';

export interface GenerateOptions {
  seed?: number;
  size?: number;
  referenceDate?: IsoDate;
}

export const DEFAULT_SEED = 2018;
export const DEFAULT_SIZE = 10_000;
/** Fixtures are written relative to this date (ages, five-year windows, debt ages). */
export const DEFAULT_REFERENCE_DATE: IsoDate = '2026-11-23';
/** The day after the EU Settlement Scheme deadline: every EEA national's status is decided by then. */
export const EARLIEST_REFERENCE_DATE: IsoDate = '2021-07-01';

export function generatePopulation(options: GenerateOptions = {}): Population {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = options.size ?? DEFAULT_SIZE;
  const referenceDate = options.referenceDate ?? DEFAULT_REFERENCE_DATE;
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  if (!isIsoDate(referenceDate)) throw new RangeError(`referenceDate must be a YYYY-MM-DD date, got ${referenceDate}`);
  // Earlier snapshots would need pre-Brexit EEA rights and an unfinished EU Settlement Scheme.
  if (referenceDate < EARLIEST_REFERENCE_DATE)
    throw new RangeError(`referenceDate must be on or after ${EARLIEST_REFERENCE_DATE}, got ${referenceDate}`);
  if (!Number.isInteger(size) || size < fixturePeople.length) {
    throw new RangeError(`size must be an integer of at least ${fixturePeople.length} (the fixtures), got ${size}`);
  }

  const random = createRandom(seed);
  // Copies, so that a caller mutating its population cannot alter the fixtures other tests rely on.
  const people = fixturePeople.map((p) => structuredClone(p));
  const reserved = people
    .flatMap((p) => [p.nino, p.immigration.homeOfficeReference])
    .filter((v): v is string => v !== null);
  const identifiers = createIdentifierIssuer(random, reserved);
  let lastId = people.length;
  const nextId = () => personId(++lastId);

  while (people.length < size) {
    const plan = planHousehold(random, referenceDate, size - people.length);
    people.push(...buildHousehold(plan, { random, identifiers, referenceDate, nextId }));
  }
  return { seed, referenceDate, people };
}
