// purpose: the stated purpose must be one the agreement names.
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import {
  dwpStatusCheck,
  hmrcEvidenceRequest,
  hmrcStatusCheck,
  nhsTraceRequest,
} from '../../../tests/support/requests.ts';
import { purpose } from './purpose.ts';

const father = fixtures.traceableChildFather;

const table: RuleCase[] = [
  [
    'DWP checks entitlement to benefits',
    factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(fixtures.turns30On2018_05_01) }),
    'permit',
    /"benefit-entitlement-status-check" \(reactive\) is named/,
  ],
  [
    'IE asks HMRC about immigration offences under s.40',
    factsFor('hmrc.evidence-request', { party: 'home-office-ie', request: hmrcEvidenceRequest(father) }),
    'permit',
    /"immigration-offences"/,
  ],
  [
    "IE asks HMRC for the bulk agreement's purpose, which only UKVI has",
    factsFor('hmrc.evidence-request', {
      party: 'home-office-ie',
      request: hmrcEvidenceRequest(father, { purpose: 'right-to-remain-or-treaty-rights' }),
    }),
    'deny',
    /not one of this agreement's purposes \(administer-immigration-control, immigration-offences\)/,
  ],
  [
    'a purpose the NHS Digital MoU has never had',
    factsFor('nhs.trace-request', { party: 'home-office', request: nhsTraceRequest(father, 'locate-for-removal') }),
    'deny',
    /not one of this agreement's purposes/,
  ],
  [
    'no agreement to name any purpose',
    factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(father) }),
    'not-applicable',
    /no agreement to check/,
  ],
];

describe('purpose', () => ruleTable(purpose, 'purpose', table));
