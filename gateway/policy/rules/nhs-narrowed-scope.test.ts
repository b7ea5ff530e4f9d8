// nhs-narrowed-scope: from 9 May 2018 NHS Digital traces only for serious crime (a sentence of 12 months or more),
// non-conducive presence or a missing vulnerable person (¶5.36, fn 36); before and since, only after other efforts
// to locate the person failed (fn 32).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { chargeabilityCheck, nhsTraceRequest } from '../../../tests/support/requests.ts';
import { nhsNarrowedScope } from './nhs-narrowed-scope.ts';

const ruan = fixtures.offenderUnder30;
const trace = (day: string, purpose: string, trace_: { otherEffortsFailed: boolean; sentenceMonths?: number }) =>
  factsFor('nhs.trace-request', { party: 'home-office', day, request: nhsTraceRequest(ruan, purpose, trace_) });

const table: RuleCase[] = [
  [
    'tracing an immigration offender on 8 May 2018',
    trace('2018-05-08', 'trace-immigration-offender', { otherEffortsFailed: true }),
    'permit',
    /No narrowing directive is in force; other reasonable efforts .* have failed/,
  ],
  [
    'the same, before other efforts were made (fn 32)',
    trace('2018-05-08', 'trace-immigration-offender', { otherEffortsFailed: false }),
    'deny',
    /only after other reasonable efforts to locate the person have failed/,
  ],
  [
    'the same trace on 9 May 2018',
    trace('2018-05-09', 'trace-immigration-offender', { otherEffortsFailed: true }),
    'deny',
    /Since 2018-05-09 tracing is allowed only for: deportation-serious-criminal-offence, presence-not-conducive, missing-vulnerable-person-welfare/,
  ],
  [
    'a missing vulnerable person, other efforts failed',
    trace('2018-05-09', 'missing-vulnerable-person-welfare', { otherEffortsFailed: true }),
    'permit',
    /one of the narrowed purposes and other efforts have failed/,
  ],
  [
    'a missing vulnerable person, other efforts not yet made',
    trace('2026-11-23', 'missing-vulnerable-person-welfare', { otherEffortsFailed: false }),
    'deny',
    /only after other reasonable efforts/,
  ],
  [
    'presence not conducive to the public good',
    trace('2026-11-23', 'presence-not-conducive', { otherEffortsFailed: true }),
    'permit',
    /narrowed purposes/,
  ],
  [
    'deportation after an 18-month sentence',
    trace('2026-11-23', 'deportation-serious-criminal-offence', { otherEffortsFailed: true, sentenceMonths: 18 }),
    'permit',
    /narrowed purposes/,
  ],
  [
    'deportation after exactly 12 months',
    trace('2026-11-23', 'deportation-serious-criminal-offence', { otherEffortsFailed: true, sentenceMonths: 12 }),
    'permit',
    /narrowed purposes/,
  ],
  [
    'deportation after a 6-month sentence',
    trace('2026-11-23', 'deportation-serious-criminal-offence', { otherEffortsFailed: true, sentenceMonths: 6 }),
    'deny',
    /at least 12 months/,
  ],
  [
    'deportation with no sentence stated',
    trace('2026-11-23', 'deportation-serious-criminal-offence', { otherEffortsFailed: true }),
    'deny',
    /at least 12 months/,
  ],
  [
    'an IECAS chargeability check',
    factsFor('nhs.chargeability-check', { party: 'nhs-trust-guys-st-thomas', request: chargeabilityCheck(ruan) }),
    'not-applicable',
    /No narrowing directive reaches this exchange/,
  ],
];

describe('nhs-narrowed-scope', () => ruleTable(nhsNarrowedScope, 'nhs-narrowed-scope', table));
