// agreement-in-force: only a version signed by every party and in force on the day authorises (¶6.113).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { childTraceRequest } from '../../../tests/support/child-trace.ts';
import { factsFor, ruleTable, version, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { chargeabilityCheck, educationStatusCheck, hmrcStatusCheck } from '../../../tests/support/requests.ts';
import { agreementInForce } from './agreement-in-force.ts';

const trace = (day: string, agreementId?: string) =>
  factsFor('dfe.child-trace', {
    party: 'home-office-ie',
    day,
    request: childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }, agreementId ? { agreementId } : {}),
  });
const v2 = version('ie-dfe-child-tracing-mou', '2.0');

const table: RuleCase[] = [
  [
    'v2.0 of the child-tracing MoU today',
    trace('2026-11-23'),
    'permit',
    /v2.0 is signed by every party and in force on 2026-11-23/,
  ],
  ['v1.0 in January 2016', trace('2016-01-15'), 'permit', /v1.0 is signed by every party and in force/],
  [
    'v1.0 after it expired',
    { ...trace('2026-11-23'), agreement: version('ie-dfe-child-tracing-mou', '1.0') },
    'deny',
    /expired on 2016-09-30/,
  ],
  [
    'the unsigned IE v2.3 draft (¶6.113)',
    trace('2026-11-23', 'ie-dfe-ie-checks-mou'),
    'deny',
    /v2.3 is not signed by home-office-ie, dfe/,
  ],
  [
    'v2.0 the day before its signature',
    { ...trace('2016-09-30'), agreement: v2 },
    'deny',
    /not signed by home-office-ie, dfe on 2016-09-30/,
  ],
  // The umbrella MoU covers LEAs' enquiries (¶6.117), so it is in force; the legal-basis rule is what refuses them.
  [
    'an LEA asking under the umbrella MoU that covers it',
    factsFor('dfe.education-status-check', {
      party: 'local-education-authorities',
      request: educationStatusCheck(fixtures.traceableChildMother),
    }),
    'permit',
    /umbrella data-sharing MoU v1.0 is signed by every party and in force/,
  ],
  [
    'a Trust whose own MoU was never signed (¶6.160)',
    factsFor('nhs.chargeability-check', {
      party: 'nhs-trust-wealdbridge',
      request: chargeabilityCheck(fixtures.nonEeaDebtor),
    }),
    'deny',
    /not signed by home-office-ie, nhs-trust-wealdbridge/,
  ],
  [
    'a version suspended on the day',
    {
      ...trace('2026-11-23'),
      agreement: { ...v2, suspensions: [{ from: '2026-11-01', to: null, reason: 'Joint review of accuracy' }] },
    },
    'deny',
    /suspended from 2026-11-01: Joint review of accuracy/,
  ],
  [
    'a version terminated before the day',
    { ...trace('2026-11-23'), agreement: { ...v2, terminatedOn: '2026-06-01' } },
    'deny',
    /terminated on 2026-06-01/,
  ],
  [
    'no agreement found at all',
    factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(fixtures.windrushElder) }),
    'not-applicable',
    /no agreement to check/,
  ],
];

describe('agreement-in-force', () => ruleTable(agreementInForce, 'agreement-in-force', table));
