import { describe, expect, it } from 'vitest';
import { versions } from './default-register/collaboration-07-child-tracing.ts';
import { selectAgreement } from './select-agreement.ts';

const wanted = { exchange: 'dfe.child-trace', party: 'home-office-ie', purpose: 'trace-child-of-immigration-offender' };
const pick = (day: string, agreementId?: string, party = wanted.party) =>
  selectAgreement(versions, { ...wanted, party, day, agreementId });

describe('selecting the governing agreement', () => {
  it('finds the version in force on the day', () => {
    expect(pick('2026-11-23')?.version).toBe('2.0');
    expect(pick('2016-03-01')?.version).toBe('1.0');
  });
  it('honours an agreement the caller names, so its refusal can be explained', () => {
    expect(pick('2026-11-23', 'ie-dfe-ie-checks-mou')?.version).toBe('2.3');
  });
  it('finds nothing for a party no agreement names', () => {
    expect(pick('2026-11-23', undefined, 'dwp')).toBeNull();
  });
  it('still returns the closest candidate when none is in force', () => {
    expect(pick('2015-01-01')).not.toBeNull();
  });
});
