// HMRC status checks and proactive notifications (¶3.24, ¶5.42–5.43, ¶6.56).
// Not one of the report's eleven examples, and the report names no agreement for either flow. HMRC's own guidance
// (Claimant Compliance Manual CCM3260, outside the report) says the UK Borders Act 2007 lets HMRC and UKVI exchange
// information, so this is a statutory gateway whose section is unnamed. A statutory gateway has no signatories, so
// each party's "signature" records Royal Assent (30 October 2007), standing in for the first day relied on.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'hmrc-status-checks',
  reportRef: '–',
  title: 'HMRC status checks and proactive notifications',
  purpose:
    "HMRC checks a person's immigration status when doubts arise about entitlement to tax credits or child benefit; the Home Office volunteers changes of status to HMRC for the compliant environment (paused for people over 30 since 23 April 2018).",
  kind: 'bau',
  directorate: 'UK Visas and Immigration (Status Verification, Enquiries and Checking)',
  owner: {
    name: 'Not named in the report',
    role: 'Home Office owner of HMRC status checks',
    email: 'hmrc-status-checks@homeoffice.example',
  },
  parties: ['home-office', 'hmrc'],
  startsOn: '2007-10-30',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'home-office-hmrc-status-gateway',
    collaborationId: collaboration.id,
    kind: 'statutory-gateway',
    title: 'UK Borders Act 2007: HMRC – Home Office status exchange (no MoU named)',
  },
];

const parties = ['home-office', 'hmrc'];
const statute = 'No signatory: UK Borders Act 2007, section not named in the report (Royal Assent stands in)';

const common = {
  agreementId: 'home-office-hmrc-status-gateway',
  title: 'UK Borders Act 2007: HMRC – Home Office status exchange (no MoU named)',
  kind: 'statutory-gateway',
  parties,
  suspensions: [],
  terminatedOn: null,
  legalBases: [
    { code: 'ukba-2007-hmrc-status-exchange', statute: 'UK Borders Act 2007', section: 'not named in the report' },
  ],
  purposes: [
    {
      code: 'tax-credit-child-benefit-status-check',
      description:
        "Answer HMRC's check of a person's immigration status where doubts have arisen about entitlement to tax credits or child benefit (¶6.56)",
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'compliant-environment-notification',
      description:
        'Volunteer a change of status to HMRC so that it can act on work, tax credits or benefits (compliant environment, ¶3.24, ¶5.43)',
      mode: 'proactive',
      compliantEnvironment: true,
    },
  ],
  partyAims: [
    { party: 'home-office', seeks: 'Access to work and benefits cut off for people with no entitlement (¶5.43)' },
    { party: 'hmrc', seeks: 'Status confirmed so that it can decide entitlement within its legal framework (¶6.56)' },
  ],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  seniorOwners: [],
  communication: null,
  feedback: null,
  measures: [
    {
      code: 'windrush-referrals',
      description:
        'Status checks about someone with a Windrush profile referred to the Windrush Taskforce, HMRC told (¶6.56)',
    },
  ],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
  namesOrganisations: ['home-office', 'hmrc'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2007-10',
    signatures: parties.map((party) => ({ party, signatory: statute, signedOn: '2007-10-30' })),
    inForceFrom: '2007-10-30',
    inForceTo: null,
    exchanges: [
      exchangeTerms('hmrc.status-check', ['hmrc'], 'home-office'),
      exchangeTerms('hmrc.proactive-notification', ['home-office'], 'hmrc'),
    ],
    notes:
      'The report names no MoU, section, owner, measures or review for these flows; HMRC guidance CCM3260 (outside the report) cites the UK Borders Act 2007 for HMRC – UKVI exchanges. Proactive sharing paused for people over 30 from 23 April 2018 (¶3.23, fn 13).',
  },
];
