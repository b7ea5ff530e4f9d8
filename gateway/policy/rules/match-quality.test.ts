// match-quality: a request carries every point the agreement matches on, item by item in a batch (fn 65, ¶6.33).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../../tests/support/child-trace.ts';
import { factsFor, ruleTable, version, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { accessedPublicFunds, debtorReturn, ninoAlignment } from '../../../tests/support/requests.ts';
import { matchQuality } from './match-quality.ts';

const { traceableChild: amara, turns30On2018_05_01: priya, nonEeaDebtor: jordan } = fixtures;
const child = { ...amara, postcode: 'LS6 2AB' };
const { postcode: _postcode, ...twoPoints } = childTraceRequest(child).subject;
const alignment = version('ukvi-dwp-nino-alignment-mou', '2018-05');
const strict = {
  ...alignment,
  dataAccuracy: { matchPoints: ['name', 'dateOfBirth', 'nino'], description: 'NINo required' },
};
const grants = [
  { ...priya, homeOfficeReference: 'HO-4000005' },
  { ...jordan, homeOfficeReference: 'HO-4000008' },
];

const table: RuleCase[] = [
  [
    'a child trace on all three points',
    factsFor('dfe.child-trace', { party: 'home-office-ie', request: childTraceRequest(child) }),
    'permit',
    /every agreed match point \(name, dateOfBirth, postcode\)/,
  ],
  [
    'a child trace on two points (fn 65)',
    factsFor('dfe.child-trace', {
      party: 'home-office-ie',
      request: { ...childTraceRequest(child), subject: twoPoints },
    }),
    'deny',
    /the request lacks postcode/,
  ],
  [
    'a batch of grants, some without a NINo (¶6.33)',
    factsFor('dwp.nino-alignment', { party: 'home-office-ukvi', request: ninoAlignment(grants) }),
    'permit',
    /every agreed match point \(name, dateOfBirth\)/,
  ],
  [
    'a version matching on NINos, one grant without',
    factsFor('dwp.nino-alignment', { party: 'home-office-ukvi', agreement: strict, request: ninoAlignment(grants) }),
    'deny',
    /lacks nino/,
  ],
  [
    'the same version, every grant with a NINo',
    factsFor('dwp.nino-alignment', {
      party: 'home-office-ukvi',
      agreement: strict,
      request: ninoAlignment([grants[0]!, { ...grants[1]!, nino: 'AB123456C' }]),
    }),
    'permit',
    /every agreed match point/,
  ],
  [
    'a debtor return with name and date of birth, no Home Office reference',
    factsFor('nhs.debtor-return', {
      party: 'nhs-trust-guys-st-thomas',
      request: debtorReturn(jordan, { amountPence: 65_000, invoicedOn: '2026-08-23' }),
    }),
    'permit',
    /every agreed match point/,
  ],
  [
    'Accessed Public Funds, whose MoU names no match points',
    factsFor('dwp.accessed-public-funds', { party: 'home-office-ukvi', request: accessedPublicFunds(priya) }),
    'not-applicable',
    /names no match points/,
  ],
];

describe('match-quality', () => ruleTable(matchQuality, 'match-quality', table));
