// HMRC status checks and proactive notifications (¶3.24, ¶5.42–5.43, ¶6.56).
// Not one of the report's eleven examples, and the report names no agreement and no section of any Act for either flow
// (¶6.56 says only that HMRC decides "within its legal framework"). The two provisions below were taken from the
// statutes, not the report, and a DPO should confirm them against their text:
// - HMRC asks the Home Office about a person's status: HMRC supplies its information to the Home Secretary under
//   UK Borders Act 2007 s.40, whose purposes include "(j) doing anything else in connection with the exercise of
//   immigration and nationality functions" (quoted at ¶6.87 for the HMRC evidence flow, not for this one);
// - the Home Office answers, and volunteers changes of status to HMRC: the Secretary of State supplies information to
//   the Commissioners for HMRC under Immigration and Asylum Act 1999 s.21 ("Supply of information by Secretary of
//   State").
// A statutory gateway has no signatories, so each party's "signature" records the 2007 Act's Royal Assent (30 October
// 2007), standing in for the first day relied on.
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

const title = 'UK Borders Act 2007 s.40 and Immigration and Asylum Act 1999 s.21: HMRC – Home Office status exchange';

export const agreements: Agreement[] = [
  {
    id: 'home-office-hmrc-status-gateway',
    collaborationId: collaboration.id,
    kind: 'statutory-gateway',
    title,
  },
];

const parties = ['home-office', 'hmrc'];
const statute =
  "No signatory: UK Borders Act 2007 s.40 and Immigration and Asylum Act 1999 s.21 (the 2007 Act's Royal Assent stands in)";

/** HMRC's request: its information about the person, supplied to the Home Secretary for immigration functions. */
const ukba2007s40 = {
  code: 'ukba-2007-s40',
  statute: 'UK Borders Act 2007',
  section: 's.40(1)(j) (supply of HMRC information to the Home Secretary for immigration and nationality functions)',
  source:
    'Public legislation: https://www.legislation.gov.uk/ukpga/2007/30/section/40, quoted at ICIBI inspection report ¶6.87 for HMRC evidence; the report names no section for this flow (¶6.56)',
};

/** The Home Office's answer and its notifications: information it holds, supplied to the Commissioners for HMRC. */
const iaa1999s21 = {
  code: 'iaa-1999-s21',
  statute: 'Immigration and Asylum Act 1999',
  section: 's.21 (supply of information by the Secretary of State, here to the Commissioners for HMRC)',
  source:
    'Public legislation: https://www.legislation.gov.uk/ukpga/1999/33/section/21. The report names no section for this flow (¶3.24, ¶5.43, ¶6.56)',
};

const common = {
  agreementId: 'home-office-hmrc-status-gateway',
  title,
  kind: 'statutory-gateway',
  parties,
  suspensions: [],
  terminatedOn: null,
  legalBases: [ukba2007s40, iaa1999s21],
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
      "The report names no MoU, section, owner, measures or review for these flows; the sections (UK Borders Act 2007 s.40 for HMRC's requests, Immigration and Asylum Act 1999 s.21 for the Home Office's answers and notifications) were taken from the statutes and are for a DPO to confirm. Proactive sharing paused for people over 30 from 23 April 2018 (¶3.23, fn 13).",
  },
];
