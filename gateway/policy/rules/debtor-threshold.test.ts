// debtor-threshold: debtor returns cover debts of £500 or more outstanding for 2 months or more; before April
// 2016 £1,000 after 3 months (¶6.146–6.150). Decided from the return alone: nationality is debtor-nationality's.
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, recordsOf, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { chargeabilityCheck, debtorReturn } from '../../../tests/support/requests.ts';
import { debtorThreshold } from './debtor-threshold.ts';

const { nonEeaDebtor: jordan, eeaDebtor: camille } = fixtures;
const report = (
  person: typeof jordan,
  amountPence: number,
  invoicedOn: string,
  day = '2026-11-23',
  subject = recordsOf(person),
) =>
  factsFor('nhs.debtor-return', {
    party: 'nhs-trust-guys-st-thomas',
    day,
    subject,
    request: debtorReturn(person, { amountPence, invoicedOn }),
  });

const table: RuleCase[] = [
  [
    'Jordan: £650 outstanding for three months',
    report(jordan, 65_000, '2026-08-23'),
    'permit',
    /A debt of £650 outstanding since 2026-08-23 meets the threshold/,
  ],
  ['exactly £500, exactly two months', report(jordan, 50_000, '2026-09-23'), 'permit', /meets the threshold/],
  [
    'Camille, a French national: the threshold alone is met (nationality is decided after the lookup)',
    report(camille, 80_000, '2026-07-23'),
    'permit',
    /meets the threshold/,
  ],
  [
    'someone the Home Office has no record of: the same, decided before anyone is looked up',
    report(jordan, 65_000, '2026-08-23', '2026-11-23', {}),
    'permit',
    /meets the threshold/,
  ],
  ['£499.99', report(jordan, 49_999, '2026-01-01'), 'deny', /at least £500/],
  ['a day short of two months', report(jordan, 90_000, '2026-09-24'), 'deny', /outstanding for 2 months or more/],
  [
    '£800 in 2015, when the threshold was £1,000',
    report(jordan, 80_000, '2015-01-01', '2015-11-23'),
    'deny',
    /at least £1000/,
  ],
  [
    '£1,200 for two months in 2015, when it was three',
    report(jordan, 120_000, '2015-09-23', '2015-11-23'),
    'deny',
    /3 months or more/,
  ],
  [
    '£1,200 for four months in 2015',
    report(jordan, 120_000, '2015-07-01', '2015-11-23'),
    'permit',
    /meets the threshold/,
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

describe('debtor-threshold', () => ruleTable(debtorThreshold, 'debtor-threshold', table));
