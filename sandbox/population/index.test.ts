import { describe, expect, it } from 'vitest';
import {
  currentAddress,
  fixtures,
  generatePopulation,
  indexPopulation,
  nameKey,
  normaliseNino,
  normalisePostcode,
} from './index.ts';

const population = generatePopulation({ size: 2_000 });
const index = indexPopulation(population);

describe('normalisation', () => {
  it('makes name keys lower-case, trimmed, with single spaces', () => {
    expect(nameKey('  Mohammed ', 'KHAN', '1985-07-19')).toBe('mohammed|khan|1985-07-19');
    expect(nameKey('Mark  Anthony', ' Dela   Cruz ', '1990-01-01')).toBe('mark anthony|dela cruz|1990-01-01');
  });

  it('makes postcodes upper-case with one space before the inward code', () => {
    expect(normalisePostcode('ls62ab')).toBe('LS6 2AB');
    expect(normalisePostcode(' ls6   2ab ')).toBe('LS6 2AB');
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
  });

  it('strips spaces from NINos', () => {
    expect(normaliseNino('jt 48 21 93 c')).toBe('JT482193C');
  });
});

describe('indexPopulation', () => {
  it('finds everyone by id', () => {
    expect(index.byId.size).toBe(population.people.length);
    expect(index.byId.get('P000001')).toBe(population.people[0]);
  });

  it('finds people by NINo and Home Office reference', () => {
    expect(index.byNino.get(normaliseNino('JT 48 21 93 C'))?.id).toBe(fixtures.traceableChildFather.id);
    expect(index.byHomeOfficeReference.get('HO-4000004')?.id).toBe(fixtures.windrushElder.id);
    for (const person of population.people) {
      if (person.nino !== null) expect(index.byNino.get(person.nino)).toBe(person);
    }
  });

  it('finds people by name and date of birth, keeping same-named people apart', () => {
    expect(
      index.byNameAndDateOfBirth.get(nameKey('amara', 'okonkwo-testcase', '2016-03-14'))?.map((p) => p.id),
    ).toEqual(['P000001']);
    expect(index.byNameAndDateOfBirth.get(nameKey('Mohammed', 'Khan', '1985-07-19'))?.map((p) => p.id)).toContain(
      fixtures.commonNamePairA.id,
    );
    expect(index.byNameAndDateOfBirth.get(nameKey('Mohammed', 'Khan', '1991-01-03'))?.map((p) => p.id)).toContain(
      fixtures.commonNamePairB.id,
    );
  });

  it('finds people by current postcode, and by any postcode they have lived at', () => {
    expect(index.byPostcode.get(normalisePostcode('ls6 2ab'))?.map((p) => p.id)).toEqual([
      'P000001',
      'P000002',
      'P000003',
    ]);
    expect(index.byPostcode.get('BD7 2LR')).toBeUndefined();
    expect(index.byAnyPostcode.get('BD7 2LR')?.map((p) => p.id)).toEqual(['P000001', 'P000002', 'P000003']);
    for (const person of population.people)
      expect(index.byPostcode.get(currentAddress(person).postcode)).toContain(person);
  });
});
