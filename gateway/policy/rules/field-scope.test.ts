// field-scope: only fields within the agreement's scope may be sent (¶6.109: nationality removed in October 2016).
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../../tests/support/child-trace.ts';
import { factsFor, ruleTable, version, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { educationStatusCheck, hmrcStatusCheck } from '../../../tests/support/requests.ts';
import { fieldScope } from './field-scope.ts';

const child = { ...fixtures.traceableChild, postcode: 'LS6 2AB' };
const withNationality = {
  ...childTraceRequest(child),
  subject: { ...childTraceRequest(child).subject, nationality: 'NGA' },
};
const trace = (request: Record<string, unknown>, day = '2026-11-23') =>
  factsFor('dfe.child-trace', { party: 'home-office-ie', day, request });

const table: RuleCase[] = [
  ['a three-point referral under v2.0', trace(childTraceRequest(child)), 'permit', /within the agreement/],
  [
    'an urgent safeguarding referral',
    trace({ ...childTraceRequest(child), urgentSafeguarding: true }),
    'permit',
    /within the agreement/,
  ],
  [
    'nationality under v2.0 (¶6.109)',
    trace(withNationality),
    'deny',
    /outside the agreement's scope: subject.nationality/,
  ],
  [
    'nationality under v1.0, before October 2016',
    trace(withNationality, '2016-06-01'),
    'permit',
    /within the agreement/,
  ],
  [
    'a NINo to a school, whose scope has none',
    factsFor('dfe.education-status-check', {
      party: 'local-education-authorities',
      request: {
        ...educationStatusCheck(fixtures.traceableChildMother),
        subject: { ...educationStatusCheck(fixtures.traceableChildMother).subject, nino: 'SK482913C' },
      },
    }),
    'deny',
    /subject.nino/,
  ],
  [
    'no agreement, so no terms',
    factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(child) }),
    'not-applicable',
    /no agreed terms/,
  ],
  [
    'an agreement without terms for this exchange',
    { ...trace(childTraceRequest(child)), agreement: version('ho-nhs-digital-tracing-mou', '2017-12') },
    'not-applicable',
    /no agreed terms/,
  ],
];

describe('field-scope', () => {
  ruleTable(fieldScope, 'field-scope', table);

  it('obliges the gateway to withhold records older than the agreed 5 years', () => {
    expect(fieldScope(trace(childTraceRequest(child))).obligations).toEqual([{ id: 'withhold-older-than', years: 5 }]);
    expect(
      fieldScope(factsFor('hmrc.status-check', { party: 'hmrc', request: hmrcStatusCheck(child) })).obligations,
    ).toEqual([]);
  });
});
