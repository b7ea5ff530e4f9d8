// monthly-cap: volume caps are per agreement per calendar month (DfE 300, ¶6.112; HMRC 10,000, ¶6.95).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../../tests/support/child-trace.ts';
import { factsFor, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { hmrcEvidenceRequest } from '../../../tests/support/requests.ts';
import { monthlyCap } from './monthly-cap.ts';

const child = { ...fixtures.traceableChild, postcode: 'LS6 2AB' };
const trace = (used: number, day = '2026-11-23') =>
  factsFor('dfe.child-trace', { party: 'home-office-ie', day, used, request: childTraceRequest(child) });
const bulk = (used: number) =>
  factsFor('hmrc.evidence-request', {
    party: 'home-office-ukvi',
    used,
    request: hmrcEvidenceRequest(fixtures.turns30On2018_05_01, { purpose: 'right-to-remain-or-treaty-rights' }),
  });

const table: RuleCase[] = [
  ['the first DfE request of the month', trace(0), 'permit', /1 of 300 requests this month/],
  ['the 300th DfE request', trace(299), 'permit', /300 of 300/],
  ['a 301st DfE request (¶6.112)', trace(300), 'deny', /monthly cap of 300 requests has been reached/],
  ["UKVI's 10,000th bulk request to HMRC", bulk(9_999), 'permit', /10000 of 10000/],
  ["UKVI's 10,001st bulk request to HMRC (¶6.95)", bulk(10_000), 'deny', /cap of 10000/],
  ['v1.0 of the DfE MoU, which had no cap', trace(5_000, '2016-01-15'), 'not-applicable', /sets no monthly cap/],
  [
    "IE's case-by-case s.40 requests, uncapped",
    factsFor('hmrc.evidence-request', {
      party: 'home-office-ie',
      used: 50_000,
      request: hmrcEvidenceRequest(fixtures.traceableChildFather),
    }),
    'not-applicable',
    /sets no monthly cap/,
  ],
];

describe('monthly-cap', () => ruleTable(monthlyCap, 'monthly-cap', table));
