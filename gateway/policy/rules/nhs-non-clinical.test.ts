// nhs-non-clinical: NHS exchanges carry non-clinical data only, whatever an agreement might say (¶5.31, ¶6.153, fn 36).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, ruleTable, version, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { debtorReturn, dwpStatusCheck, nhsTraceRequest } from '../../../tests/support/requests.ts';
import { nhsNonClinical } from './nhs-non-clinical.ts';

const jordan = fixtures.nonEeaDebtor;
const debt = { amountPence: 65_000, invoicedOn: '2026-08-23' };
const tracing = version('ho-nhs-digital-tracing-mou', '2017-12');
const withResponse = (fields: string[]) => ({
  ...tracing,
  exchanges: tracing.exchanges.map((e) => ({ ...e, responseFields: [...e.responseFields, ...fields] })),
});

const table: RuleCase[] = [
  [
    'a debtor return: names, date of birth, invoice',
    factsFor('nhs.debtor-return', { party: 'nhs-trust-guys-st-thomas', request: debtorReturn(jordan, debt) }),
    'permit',
    /Only non-clinical fields/,
  ],
  [
    'an NHS Digital trace for an address',
    factsFor('nhs.trace-request', { party: 'home-office', request: nhsTraceRequest(fixtures.offenderUnder30) }),
    'permit',
    /non-clinical/,
  ],
  [
    'an agreement that would return a diagnosis',
    factsFor('nhs.trace-request', {
      party: 'home-office',
      request: nhsTraceRequest(fixtures.offenderUnder30),
      agreement: withResponse(['diagnosisCodes']),
    }),
    'deny',
    /Clinical information may never be shared: diagnosisCodes/,
  ],
  [
    'a request carrying treatment details',
    factsFor('nhs.debtor-return', {
      party: 'nhs-trust-guys-st-thomas',
      request: { ...debtorReturn(jordan, debt), treatment: { episode: 'A&E' } },
    }),
    'deny',
    /treatment.episode/,
  ],
  [
    'a DWP status check',
    factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(jordan) }),
    'not-applicable',
    /NHS exchanges only/,
  ],
];

describe('nhs-non-clinical', () => ruleTable(nhsNonClinical, 'nhs-non-clinical', table));
