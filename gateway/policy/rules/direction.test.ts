// direction: a proactive share cannot be dressed as a reactive check, nor the reverse (¶3.24, ¶5.43, ¶6.56).
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import {
  dwpProactiveNotification,
  dwpStatusCheck,
  fsmEligibility,
  hmrcStatusCheck,
} from '../../../tests/support/requests.ts';
import { direction } from './direction.ts';

const { turns30On2018_05_01: priya, offenderUnder30: ruan } = fixtures;

const table: RuleCase[] = [
  [
    'a reactive check under a reactive purpose',
    factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(priya) }),
    'permit',
    /dwp.status-check is reactive \(inbound\) sharing/,
  ],
  [
    'a proactive notification under a proactive purpose',
    factsFor('dwp.proactive-notification', { party: 'home-office', request: dwpProactiveNotification(ruan) }),
    'permit',
    /is proactive \(outbound\) sharing/,
  ],
  [
    'a status check citing the compliant-environment purpose',
    factsFor('dwp.status-check', {
      party: 'dwp',
      request: { ...dwpStatusCheck(priya), purpose: 'cease-benefits-notification' },
    }),
    'deny',
    /reactive sharing, but the stated purpose is proactive/,
  ],
  [
    'a proactive notification citing the status-check purpose',
    factsFor('dwp.proactive-notification', {
      party: 'home-office',
      request: { ...dwpProactiveNotification(ruan), purpose: 'benefit-entitlement-status-check' },
    }),
    'deny',
    /proactive sharing, but the stated purpose is reactive/,
  ],
  [
    'a free-school-meals check citing the weekly upload',
    factsFor('dfe.fsm-eligibility', {
      party: 'dfe',
      request: { ...fsmEligibility(fixtures.s95Parent), purpose: 'weekly-s95-upload' },
    }),
    'deny',
    /stated purpose is proactive/,
  ],
  [
    'a purpose the agreement does not name',
    factsFor('dwp.status-check', { party: 'dwp', request: { ...dwpStatusCheck(priya), purpose: 'curiosity' } }),
    'not-applicable',
    /No agreed purpose/,
  ],
  [
    'no agreement',
    factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(priya) }),
    'not-applicable',
    /No agreed purpose/,
  ],
];

describe('direction', () => ruleTable(direction, 'direction', table));
