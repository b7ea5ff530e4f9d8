// legal-basis: the stated legal basis must be one the agreement names (recommendation 2a).
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import {
  debtorReturn,
  dwpStatusCheck,
  educationStatusCheck,
  fsmEligibility,
  hmrcProactiveNotification,
  hmrcStatusCheck,
} from '../../../tests/support/requests.ts';
import { legalBasis } from './legal-basis.ts';

const debt = { amountPence: 65_000, invoicedOn: '2026-08-23' };

const table: RuleCase[] = [
  [
    'free school meals under s.95 of the 1999 Act',
    factsFor('dfe.fsm-eligibility', { party: 'dfe', request: fsmEligibility(fixtures.s95Parent) }),
    'permit',
    /Immigration and Asylum Act 1999 Part VI, s.95/,
  ],
  [
    'a debtor return under Appendix V, only from April 2016',
    factsFor('nhs.debtor-return', {
      party: 'nhs-trust-guys-st-thomas',
      request: { ...debtorReturn(fixtures.nonEeaDebtor, debt), legalBasis: 'immigration-rules-appendix-v-3-14' },
    }),
    'permit',
    /Appendix V, 3.14/,
  ],
  [
    'the same basis in 2015, before the Rules had it',
    factsFor('nhs.debtor-return', {
      party: 'nhs-trust-guys-st-thomas',
      day: '2015-06-01',
      request: { ...debtorReturn(fixtures.nonEeaDebtor, debt), legalBasis: 'immigration-rules-appendix-v-3-14' },
    }),
    'deny',
    /not one the agreement names \(immigration-rules-320-22, immigration-rules-322-12\)/,
  ],
  [
    'a Data Protection Act basis for free school meals',
    factsFor('dfe.fsm-eligibility', {
      party: 'dfe',
      request: { ...fsmEligibility(fixtures.s95Parent), legalBasis: 'dpa-1998-s29-3' },
    }),
    'deny',
    /not one the agreement names \(iaa-1999-s95\)/,
  ],
  [
    'a DWP status check under SSAA 1992 s.122B, a basis public legislation names though the report does not',
    factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(fixtures.windrushElder) }),
    'permit',
    /Social Security Administration Act 1992 s.122B/,
  ],
  // The umbrella MoU covers the check (¶6.117) but neither the report nor legislation names a gateway for it.
  [
    'an education status check, under an agreement that names no gateway',
    factsFor('dfe.education-status-check', {
      party: 'local-education-authorities',
      request: educationStatusCheck(fixtures.windrushElder),
    }),
    'deny',
    /names no legal gateway, and none is named in the inspection report or found in legislation/,
  ],
  [
    'an HMRC status check under UK Borders Act 2007 s.40, taken from the statute (the report names no section)',
    factsFor('hmrc.status-check', { party: 'hmrc', request: hmrcStatusCheck(fixtures.windrushElder) }),
    'permit',
    /UK Borders Act 2007 s.40\(1\)\(j\)/,
  ],
  [
    'a proactive HMRC notification under Immigration and Asylum Act 1999 s.21',
    factsFor('hmrc.proactive-notification', {
      party: 'home-office',
      request: hmrcProactiveNotification(fixtures.windrushElder),
    }),
    'permit',
    /Immigration and Asylum Act 1999 s.21/,
  ],
  [
    'the HMRC status exchange on the bare Act, as the register once recorded it',
    factsFor('hmrc.status-check', {
      party: 'hmrc',
      request: { ...hmrcStatusCheck(fixtures.windrushElder), legalBasis: 'ukba-2007-hmrc-status-exchange' },
    }),
    'deny',
    /not one the agreement names \(ukba-2007-s40, iaa-1999-s21\)/,
  ],
  [
    'no agreement to name any basis',
    factsFor('hmrc.status-check', { party: 'dwp', request: hmrcStatusCheck(fixtures.windrushElder) }),
    'not-applicable',
    /no agreement to check/,
  ],
];

describe('legal-basis', () => ruleTable(legalBasis, 'legal-basis', table));

describe('legal-basis: an Act without its section is no gateway', () => {
  // The HMRC status exchange once ran on "UK Borders Act 2007, section not named in the report": never again.
  const facts = factsFor('hmrc.status-check', { party: 'hmrc', request: hmrcStatusCheck(fixtures.windrushElder) });
  const withBases = (legalBases: { code: string; statute: string; section: string }[]) =>
    legalBasis({ ...facts, agreement: { ...facts.agreement!, legalBases } });

  it.each([
    ['says it is not named', 'not named in the report'],
    ['is empty', ' '],
  ])('refuses every exchange when the only basis names the Act but its section %s', (_case, section) => {
    const decided = withBases([{ code: 'ukba-2007-s40', statute: 'UK Borders Act 2007', section }]);
    expect(decided).toMatchObject({ outcome: 'deny', reason: expect.stringMatching(/names no legal gateway/) });
  });

  it('refuses the section-less basis beside a named one, and permits the named one', () => {
    const bases = [
      { code: 'ukba-2007', statute: 'UK Borders Act 2007', section: 'section not named' },
      { code: 'ukba-2007-s40', statute: 'UK Borders Act 2007', section: 's.40' },
    ];
    expect(withBases(bases)).toMatchObject({ outcome: 'permit' });
    const onBareAct = legalBasis({
      ...facts,
      agreement: { ...facts.agreement!, legalBases: bases },
      request: { ...facts.request, legalBasis: 'ukba-2007' },
    });
    expect(onBareAct).toMatchObject({
      outcome: 'deny',
      reason: expect.stringMatching(/not one the agreement names \(ukba-2007-s40\)/),
    });
  });
});
