// party: the caller must be a requesting party to the agreement, and the responder a party to it (¶4.2a).
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, ruleTable, version, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { childTraceRequest } from '../../../tests/support/child-trace.ts';
import { chargeabilityCheck, educationStatusCheck, hmrcStatusCheck } from '../../../tests/support/requests.ts';
import { party } from './party.ts';

const child = { ...fixtures.traceableChild, postcode: 'LS6 2AB' };
const fsmV1 = version('ho-dfe-fsm-process-mou', 'V1-3');

const table: RuleCase[] = [
  [
    'IE may ask DfE to trace a child',
    factsFor('dfe.child-trace', { party: 'home-office-ie', request: childTraceRequest(child) }),
    'permit',
    /home-office-ie may ask dfe under Home Office – DfE child tracing process MoU/,
  ],
  [
    'an LEA is a requesting party to the umbrella MoU, signed or not',
    factsFor('dfe.education-status-check', {
      party: 'local-education-authorities',
      request: educationStatusCheck(fixtures.traceableChildMother),
    }),
    'permit',
    /local-education-authorities may ask home-office/,
  ],
  [
    'no agreement names DWP for HMRC status checks',
    factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(fixtures.windrushElder) }),
    'deny',
    /No agreement in the register covers hmrc.status-check for dwp/,
  ],
  [
    "one Trust cannot use another Trust's MoU",
    factsFor('nhs.chargeability-check', {
      party: 'nhs-trust-guys-st-thomas',
      request: chargeabilityCheck(fixtures.nonEeaDebtor),
      agreement: version('iecas-mou-nhs-trust-kings-college', '1.0'),
    }),
    'deny',
    /nhs-trust-guys-st-thomas is not a requesting party/,
  ],
  [
    'DfE answers a child trace; it does not ask one',
    factsFor('dfe.child-trace', {
      party: 'dfe',
      request: childTraceRequest(child),
      agreement: version('ie-dfe-child-tracing-mou', '2.0'),
    }),
    'deny',
    /dfe is not a requesting party/,
  ],
  [
    'a responder that is not a party to the version',
    factsFor('dfe.fsm-eligibility', {
      party: 'dfe',
      request: {
        purpose: 'free-school-meals-eligibility',
        legalBasis: 'iaa-1999-s95',
        caseReference: 'ECS-1',
        subject: {},
      },
      agreement: { ...fsmV1, parties: ['dfe', 'local-education-authorities'] },
    }),
    'deny',
    /home-office is not a party/,
  ],
];

describe('party', () => {
  // With no agreement there is nothing to be a party to: the rule refuses rather than stands aside.
  ruleTable(party, 'party', table, ['permit', 'deny']);

  it('never stands aside, even when no agreement is found', () => {
    expect(
      party(factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(fixtures.windrushElder) })).outcome,
    ).toBe('deny');
  });
});
