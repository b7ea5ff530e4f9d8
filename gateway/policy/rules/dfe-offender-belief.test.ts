// dfe-offender-belief: DfE traces a child only with reason to believe a parent is an immigration offender now (¶6.103).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../../tests/support/child-trace.ts';
import { factsFor, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { hmrcEvidenceRequest } from '../../../tests/support/requests.ts';
import { dfeOffenderBelief } from './dfe-offender-belief.ts';

const child = { ...fixtures.traceableChild, postcode: 'LS6 2AB' };
const trace = (grounds: unknown) =>
  factsFor('dfe.child-trace', { party: 'home-office-ie', request: { ...childTraceRequest(child), grounds } });

const table: RuleCase[] = [
  [
    'the requester states reason to believe',
    trace({ parentBelievedImmigrationOffender: true }),
    'permit',
    /states reason to believe a parent is an immigration offender/,
  ],
  [
    'the requester has no such reason',
    trace({ parentBelievedImmigrationOffender: false }),
    'deny',
    /only with reason to believe a parent is an immigration offender at the time of the request/,
  ],
  ['no grounds at all', trace(undefined), 'deny', /only with reason to believe/],
  [
    'an HMRC evidence request',
    factsFor('hmrc.evidence-request', {
      party: 'home-office-ie',
      request: hmrcEvidenceRequest(fixtures.traceableChildFather),
    }),
    'not-applicable',
    /DfE child tracing only/,
  ],
];

describe('dfe-offender-belief', () => ruleTable(dfeOffenderBelief, 'dfe-offender-belief', table));
