import { describe, expect, it } from 'vitest';
import { addYears, ageOn } from './dates.ts';
import { commonNamePair, fixturePeople, fixtures } from './fixtures.ts';
import { NINO_PATTERN } from './identifiers.ts';
import { isEea } from './nationalities.ts';

const REFERENCE_DATE = '2026-11-23';
const FIVE_YEARS_BEFORE = addYears(REFERENCE_DATE, -5);
const byId = new Map(fixturePeople.map((p) => [p.id, p]));

describe('fixtures', () => {
  it('have fixed, consecutive ids from P000001', () => {
    expect(fixturePeople.map((p) => p.id)).toEqual(fixturePeople.map((_, i) => `P${String(i + 1).padStart(6, '0')}`));
    expect(fixtures.traceableChild.id).toBe('P000001');
  });

  it('link families both ways', () => {
    for (const person of fixturePeople) {
      for (const parentId of person.parentIds) expect(byId.get(parentId)?.childIds).toContain(person.id);
      for (const childId of person.childIds) expect(byId.get(childId)?.parentIds).toContain(person.id);
    }
  });

  it('have well-formed NINos and addresses with exactly one current', () => {
    for (const person of fixturePeople) {
      if (person.nino !== null) expect(person.nino).toMatch(NINO_PATTERN);
      expect(
        person.addresses.filter((a) => a.to === null),
        person.id,
      ).toHaveLength(1);
      expect(person.addresses.at(-1)?.to, person.id).toBeNull();
    }
  });

  it('traceableChild: aged 10, at school, with addresses before, within and after the five-year window', () => {
    const child = fixtures.traceableChild;
    expect([child.forename, child.surname, child.dateOfBirth]).toEqual(['Amara', 'Okonkwo-Testcase', '2016-03-14']);
    expect(ageOn(child.dateOfBirth, REFERENCE_DATE)).toBe(10);
    expect(child.addresses.at(-1)).toMatchObject({ postcode: 'LS6 2AB', to: null });
    for (const periods of [child.addresses, child.schoolHistory]) {
      expect(periods.some((p) => p.to !== null && p.to < FIVE_YEARS_BEFORE)).toBe(true);
      expect(periods.some((p) => p.to !== null && p.to >= FIVE_YEARS_BEFORE)).toBe(true);
      expect(periods.some((p) => p.to === null)).toBe(true);
    }
    expect((child.addresses[0]?.from ?? REFERENCE_DATE) <= addYears(REFERENCE_DATE, -8)).toBe(true);
    const parents = child.parentIds.map((id) => byId.get(id));
    expect(parents.map((p) => p?.immigration.status).sort()).toEqual(['limited-leave', 'no-leave']);
    for (const parent of parents) expect(parent?.addresses.at(-1)).toEqual(child.addresses.at(-1));
  });

  it('windrushElder: Jamaican, born 1948-06-02, arrived 1956, settled, with a NINo', () => {
    const elder = fixtures.windrushElder;
    expect(elder).toMatchObject({ nationality: 'JAM', dateOfBirth: '1948-06-02' });
    expect(elder.immigration).toMatchObject({ status: 'settled', commonwealthArrivalBefore1973: true });
    expect(elder.immigration.arrivedInUk?.slice(0, 4)).toBe('1956');
    expect(elder.nino).not.toBeNull();
  });

  it('turns30On2018_05_01: exactly 30 that day, with limited leave and a job', () => {
    const person = fixtures.turns30On2018_05_01;
    expect(ageOn(person.dateOfBirth, '2018-04-30')).toBe(29);
    expect(ageOn(person.dateOfBirth, '2018-05-01')).toBe(30);
    expect(person.immigration.status).toBe('limited-leave');
    expect(person.employment.some((e) => e.to === null)).toBe(true);
  });

  it('offenderUnder30: born 2000-02-10, facing deportation after an 18-month sentence', () => {
    expect(fixtures.offenderUnder30.dateOfBirth).toBe('2000-02-10');
    expect(fixtures.offenderUnder30.immigration).toMatchObject({
      facingDeportationForCriminalOffence: true,
      sentenceMonths: 18,
    });
    expect(fixtures.offenderUnder30.nationality).not.toBe('GBR');
  });

  it('debtors: an EEA national owing £800 for 4 months, a non-EEA national owing £650 for 3 months', () => {
    expect(isEea(fixtures.eeaDebtor.nationality)).toBe(true);
    expect(fixtures.eeaDebtor.immigration.status).toBe('eea-settled');
    expect(fixtures.eeaDebtor.nhsDebts).toEqual([
      expect.objectContaining({ amountPence: 80_000, invoicedOn: '2026-07-23', status: 'debt-outstanding' }),
    ]);
    expect(isEea(fixtures.nonEeaDebtor.nationality)).toBe(false);
    expect(fixtures.nonEeaDebtor.nationality).not.toBe('GBR');
    expect(fixtures.nonEeaDebtor.nhsDebts).toEqual([
      expect.objectContaining({ amountPence: 65_000, invoicedOn: '2026-08-23', status: 'debt-outstanding' }),
    ]);
  });

  it('commonNamePair: the same forename and surname, different dates of birth and NINos', () => {
    const [a, b] = commonNamePair;
    expect([a.forename, a.surname]).toEqual([b.forename, b.surname]);
    expect(a.dateOfBirth).not.toBe(b.dateOfBirth);
    expect(a.nino).not.toBe(b.nino);
  });

  it('s95Parent: an asylum seeker supported under s.95, with a school-age child at school', () => {
    const parent = fixtures.s95Parent;
    expect(parent.immigration).toMatchObject({ status: 'asylum-seeker', supportedUnderS95: true });
    const [child] = parent.childIds.map((id) => byId.get(id));
    const age = ageOn(child?.dateOfBirth ?? '', REFERENCE_DATE);
    expect(age).toBeGreaterThanOrEqual(5);
    expect(age).toBeLessThanOrEqual(16);
    expect(child?.schoolHistory.at(-1)?.to).toBeNull();
    expect(child?.immigration.supportedUnderS95).toBe(true);
  });
});
