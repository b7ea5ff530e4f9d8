import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from './dates.ts';
import { fixturePeople, fixtures } from './fixtures.ts';
import { generatePopulation } from './generate.ts';
import { NINO_PATTERN } from './identifiers.ts';
import { isCommonwealth, isEea } from './nationalities.ts';
import { receptionStart } from './schooling.ts';
import type { Person, Population } from './types.ts';

const REFERENCE_DATE = '2026-11-23';
const POSTCODE = /^[A-Z]{1,2}\d[A-Z\d]? \d[ABD-HJLNP-UW-Z]{2}$/;
const population = generatePopulation();
const people = population.people;
const adults = people.filter((p) => ageOn(p.dateOfBirth, REFERENCE_DATE) >= 18);
const share = (matching: readonly Person[], of: readonly Person[] = people) => matching.length / of.length;

/** Structural rules every population must satisfy, whatever the seed or size. */
function expectCoherent({ people: all }: Population): void {
  const byId = new Map(all.map((p) => [p.id, p]));
  expect(byId.size).toBe(all.length);
  const ninos = all.flatMap((p) => (p.nino === null ? [] : [p.nino]));
  expect(new Set(ninos).size).toBe(ninos.length);
  for (const person of all) {
    const { addresses } = person;
    expect(addresses.length, person.id).toBeGreaterThan(0);
    expect(
      addresses.filter((a) => a.to === null),
      person.id,
    ).toHaveLength(1);
    expect(addresses.at(-1)?.to, person.id).toBeNull();
    addresses
      .slice(1)
      .forEach((a, i) => expect(addresses[i]?.to! < a.from, `${person.id} addresses in order`).toBe(true));
    for (const parentId of person.parentIds) {
      const parent = byId.get(parentId);
      expect(parent?.childIds, `${person.id}'s parent ${parentId}`).toContain(person.id);
      expect(parent?.addresses.at(-1)?.postcode, `${person.id} lives with ${parentId}`).toBe(
        addresses.at(-1)?.postcode,
      );
    }
    for (const childId of person.childIds)
      expect(byId.get(childId)?.parentIds, `${person.id}'s child ${childId}`).toContain(person.id);
  }
}

describe('generatePopulation', () => {
  it('is deterministic: the same seed and size give deep-equal populations', () => {
    expect(generatePopulation()).toEqual(population);
    expect(generatePopulation({ seed: 7, size: 800 })).toEqual(generatePopulation({ seed: 7, size: 800 }));
  });

  it('gives different people for a different seed', () => {
    const other = generatePopulation({ seed: 2019, size: 500 });
    expect(other.people.slice(fixturePeople.length)).not.toEqual(people.slice(fixturePeople.length, 500));
  });

  it('defaults to seed 2018, 10,000 people and reference date 2026-11-23', () => {
    expect(population.seed).toBe(2018);
    expect(population.referenceDate).toBe(REFERENCE_DATE);
    expect(people).toHaveLength(10_000);
    expect(generatePopulation({ size: 137 }).people).toHaveLength(137);
  });

  it('gives ids P000001 onwards, in order', () => {
    people.forEach((p, i) => expect(p.id).toBe(`P${String(i + 1).padStart(6, '0')}`));
  });

  it('rejects sizes smaller than the fixtures, and malformed or too-early reference dates', () => {
    expect(() => generatePopulation({ size: fixturePeople.length - 1 })).toThrow(RangeError);
    expect(() => generatePopulation({ size: 20.5 })).toThrow(RangeError);
    expect(() => generatePopulation({ referenceDate: '23/11/2026' })).toThrow(RangeError);
    expect(() => generatePopulation({ referenceDate: '2018-05-01' })).toThrow(RangeError);
  });

  it('holds together: unique ids and NINos, ordered addresses with one current, two-way family links', () => {
    expectCoherent(population);
  });

  it('holds together for any seed, size and reference date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc.integer({ min: fixturePeople.length, max: 400 }),
        fc.date({ min: new Date('2021-07-01'), max: new Date('2035-12-31'), noInvalidDate: true }),
        (seed, size, date) => {
          const generated = generatePopulation({ seed, size, referenceDate: date.toISOString().slice(0, 10) });
          expect(generated.people).toHaveLength(size);
          expectCoherent(generated);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives every NINo a valid format: no D, F, I, Q, U or V prefix letter, six digits, suffix A–D', () => {
    const ninos = people.flatMap((p) => (p.nino === null ? [] : [p.nino]));
    expect(ninos.length).toBeGreaterThan(adults.length * 0.8);
    for (const nino of ninos) {
      expect(nino).toMatch(/^[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\d{6}[A-D]$/);
      expect(nino).toMatch(NINO_PATTERN);
    }
  });

  it('gives every home and school address a valid UK postcode', () => {
    for (const person of people) {
      for (const address of [...person.addresses, ...person.schoolHistory.map((s) => s.address)])
        expect(address.postcode).toMatch(POSTCODE);
    }
  });

  it('gives every Home Office reference the HO-nnnnnnn format, uniquely', () => {
    const references = people.flatMap((p) =>
      p.immigration.homeOfficeReference === null ? [] : [p.immigration.homeOfficeReference],
    );
    expect(new Set(references).size).toBe(references.length);
    for (const reference of references) expect(reference).toMatch(/^HO-\d{7}$/);
  });
});

describe('the people', () => {
  const children = people.filter((p) => ageOn(p.dateOfBirth, REFERENCE_DATE) < 18);

  it('are mostly British citizens, with a minority holding each kind of leave', () => {
    expect(share(people.filter((p) => p.immigration.status === 'british-citizen'))).toBeGreaterThan(0.7);
    for (const status of ['settled', 'limited-leave', 'no-leave', 'asylum-seeker', 'refugee', 'eea-settled'] as const) {
      expect(people.filter((p) => p.immigration.status === status).length, status).toBeGreaterThan(20);
    }
    for (const p of people) expect(p.nationality === 'GBR', p.id).toBe(p.immigration.status === 'british-citizen');
  });

  it('give EEA nationals EU Settlement Scheme status', () => {
    for (const p of people.filter((q) => isEea(q.nationality))) expect(p.immigration.status, p.id).toBe('eea-settled');
  });

  it('include at least 2% Commonwealth citizens who arrived before 1973, all old and settled', () => {
    const windrush = people.filter((p) => p.immigration.commonwealthArrivalBefore1973);
    expect(share(windrush)).toBeGreaterThanOrEqual(0.02);
    for (const p of windrush) {
      expect(isCommonwealth(p.nationality), p.id).toBe(true);
      expect(p.immigration.status, p.id).toBe('settled');
      expect(p.immigration.arrivedInUk! < '1973-01-01', p.id).toBe(true);
      expect(ageOn(p.dateOfBirth, REFERENCE_DATE), p.id).toBeGreaterThanOrEqual(55);
    }
  });

  it('include a share of school-age children (4–16), each with parents and a school history', () => {
    const schoolAge = children.filter(
      (p) => ageOn(p.dateOfBirth, REFERENCE_DATE) >= 4 && ageOn(p.dateOfBirth, REFERENCE_DATE) <= 16,
    );
    expect(share(schoolAge)).toBeGreaterThan(0.1);
    expect(share(schoolAge)).toBeLessThan(0.3);
    for (const child of children) expect(child.parentIds.length, child.id).toBeGreaterThan(0);
    for (const child of schoolAge.filter((c) => receptionStart(c.dateOfBirth) <= REFERENCE_DATE)) {
      expect(child.schoolHistory.length, child.id).toBeGreaterThan(0);
    }
    for (const adult of adults) expect(adult.schoolHistory, adult.id).toEqual([]);
  });

  it('include NHS debts in all four states, owed only by people without British citizenship', () => {
    const debts = people.flatMap((p) => p.nhsDebts);
    const states = new Set(debts.map((d) => d.status));
    expect([...states].sort()).toEqual([
      'debt-outstanding',
      'debt-repaid',
      'defaulted-debt-still-outstanding',
      'repayment-arrangement',
    ]);
    expect(debts.some((d) => d.amountPence >= 50_000) && debts.some((d) => d.amountPence < 50_000)).toBe(true);
    for (const p of people.filter((q) => q.nhsDebts.length > 0))
      expect(p.immigration.status, p.id).not.toBe('british-citizen');
  });

  it('give adults employment and benefit claims, and only people with a NINo appear in PAYE', () => {
    expect(
      share(
        adults.filter((p) => p.employment.length > 0),
        adults,
      ),
    ).toBeGreaterThan(0.5);
    expect(
      share(
        adults.filter((p) => p.employment.some((e) => e.to === null)),
        adults,
      ),
    ).toBeGreaterThan(0.4);
    expect(
      share(
        adults.filter((p) => p.benefitClaims.length > 0),
        adults,
      ),
    ).toBeGreaterThan(0.15);
    const benefits = new Set(people.flatMap((p) => p.benefitClaims.map((c) => c.benefit)));
    expect(benefits.size).toBe(7);
    for (const p of people.filter((q) => q.employment.length > 0)) expect(p.nino, p.id).not.toBeNull();
  });

  it('keep limited leave unexpired and sentences only for people facing deportation', () => {
    for (const p of people.filter((q) => q.immigration.status === 'limited-leave'))
      expect(p.immigration.leaveValidTo! > REFERENCE_DATE, p.id).toBe(true);
    for (const p of people)
      expect(p.immigration.sentenceMonths !== null, p.id).toBe(p.immigration.facingDeportationForCriminalOffence);
    expect(people.filter((p) => p.immigration.facingDeportationForCriminalOffence).length).toBeGreaterThan(5);
    expect(
      people.filter((p) => p.immigration.supportedUnderS95).every((p) => p.immigration.status === 'asylum-seeker'),
    ).toBe(true);
  });
});

describe('fixtures in the population', () => {
  it('come first, exactly as declared', () => {
    expect(people.slice(0, fixturePeople.length)).toEqual(fixturePeople);
    for (const fixture of Object.values(fixtures)) expect(people.find((p) => p.id === fixture.id)).toEqual(fixture);
  });

  it('are copies: changing a generated population leaves the fixtures alone', () => {
    const copy = generatePopulation({ size: 20 });
    copy.people[0]!.addresses.pop();
    copy.people[0]!.forename = 'Changed';
    expect(fixtures.traceableChild.forename).toBe('Amara');
    expect(generatePopulation({ size: 20 }).people[0]).toEqual(fixtures.traceableChild);
  });
});
