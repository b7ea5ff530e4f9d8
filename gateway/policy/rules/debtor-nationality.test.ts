// debtor-nationality: debtor returns cover non-EEA patients only (¶6.146), as Home Office records show them; a
// Trust's own word on nationality counts for nothing. The caller's reason never says what the record holds.
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, recordsOf, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { chargeabilityCheck, debtorReturn } from '../../../tests/support/requests.ts';
import { debtorNationality } from './debtor-nationality.ts';

const { nonEeaDebtor: jordan, eeaDebtor: camille } = fixtures;
const debt = { amountPence: 65_000, invoicedOn: '2026-08-23' };
const report = (person: typeof jordan, subject = recordsOf(person)) =>
  factsFor('nhs.debtor-return', { party: 'nhs-trust-guys-st-thomas', subject, request: debtorReturn(person, debt) });

const table: RuleCase[] = [
  ['Jordan, whom the records show to be non-EEA', report(jordan), 'permit', /non-EEA national/],
  [
    'Camille, a French national (¶6.146)',
    report(camille),
    'deny',
    /non-EEA patients only; the patient is an EEA national/,
  ],
  [
    'someone the Home Office has no record of',
    report(jordan, {}),
    'deny',
    /records do not show the patient to be a non-EEA national/,
  ],
  [
    'a chargeability check',
    factsFor('nhs.chargeability-check', {
      party: 'nhs-trust-guys-st-thomas',
      request: chargeabilityCheck(jordan),
      subject: recordsOf(jordan),
    }),
    'not-applicable',
    /NHS debtor returns only/,
  ],
];

describe('debtor-nationality', () => {
  ruleTable(debtorNationality, 'debtor-nationality', table);
  it('tells the Trust the same whether the record shows an EEA national or there is no record', () => {
    expect(debtorNationality(report(camille)).callerReason).toBe(debtorNationality(report(jordan, {})).callerReason);
  });
});
