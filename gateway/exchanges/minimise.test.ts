import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeTerms } from '../../mou-registry/types.ts';
import { minimise, shiftYears } from './minimise.ts';

const terms: ExchangeTerms = {
  exchange: 'dfe.child-trace',
  requesters: ['home-office-ie'],
  responder: 'dfe',
  requestFields: [],
  responseFields: ['match', 'addresses'],
  lookbackYears: 5,
};

describe('minimise', () => {
  it('drops fields outside the agreement and records older than the look-back', () => {
    const out = minimise(
      {
        match: true,
        parents: [{ forename: 'A' }],
        addresses: [{ to: '2020-01-01' }, { to: '2022-01-01' }, { to: null }],
      },
      terms,
      [{ id: 'withhold-older-than', years: 5 }],
      '2026-11-23',
    );
    expect(out.result).toEqual({ match: true, addresses: [{ to: '2022-01-01' }, { to: null }] });
    expect(out.disclosed).toEqual(['match', 'addresses']);
    expect(out.withheld).toEqual(['parents']);
  });

  it('never lets a field outside the agreement leave, whatever the partner sends (property)', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.subarray(['match', 'addresses', 'parents', 'name', 'nino']),
        (candidate, allowed) => {
          const out = minimise(candidate, { ...terms, responseFields: allowed }, [], '2026-11-23');
          expect(Object.keys(out.result).every((k) => allowed.includes(k))).toBe(true);
          expect(out.disclosed.every((k) => allowed.includes(k))).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('counts years back on the calendar, 29 February included', () => {
    expect(shiftYears('2026-11-23', -5)).toBe('2021-11-23');
    expect(shiftYears('2024-02-29', -1)).toBe('2023-02-28');
  });
});
