// Collaboration 11: Operation DINTEL, IE reusing NHS debtor records already on CID (¶6.170–6.184).
// The report gives months, not days (pilot March–April 2017, review March 2018): the first of the month stands in.
// No agreement: the Home Office held that debtor data on CID was its own (¶6.178) and DHSC had never heard of the
// operation (¶6.179). The version below records the Tasking Brief as an agreement DHSC never signed, with no legal
// basis, so that the register shows what was missing.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';

export const collaboration: Collaboration = {
  id: 'ie-operation-dintel',
  reportRef: '11',
  title: 'Operation DINTEL',
  purpose:
    'ICE teams worked through CID records of migrants owing the NHS £500 or more for over two months, to encourage repayment or departure, amend reporting restrictions, detain on reporting, or correct case records. On hold since 2018 (¶6.184).',
  kind: 'operation',
  directorate: 'Immigration Enforcement',
  owner: {
    name: 'IE Assistant Director (Grade 7), Local Partnership Managers',
    role: 'Authorised the pilot (¶6.175)',
    email: 'ie-lpm-midlands-yorkshire@homeoffice.example',
  },
  parties: ['home-office-ie', 'dhsc'],
  startsOn: '2017-03-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'ie-dintel-tasking-brief',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Operation DINTEL Tasking Brief (no agreement with DHSC)',
  },
];

const common = {
  agreementId: 'ie-dintel-tasking-brief',
  title: 'Operation DINTEL Tasking Brief (no agreement with DHSC)',
  kind: 'mou',
  parties: ['home-office-ie', 'dhsc'],
  suspensions: [],
  terminatedOn: null,
  legalBases: [],
  purposes: [
    {
      code: 'debtor-compliance-and-enforcement',
      description:
        'Use NHS debtor records to encourage repayment, amend reporting restrictions, encourage voluntary departure or detain on reporting (¶6.171)',
      mode: 'proactive',
      compliantEnvironment: true,
    },
    {
      code: 'case-record-correction',
      description: 'Check the accuracy of case records such as addresses (¶6.171)',
      mode: 'proactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    { party: 'home-office-ie', seeks: 'To test the value of NHS debtor data to in-country ICE teams (¶6.171, ¶3.20)' },
  ],
  dataAccuracy: null,
  sopReferences: [
    'Operation DINTEL Tasking Brief: regional spreadsheets of debtors from the ISD Performance Manager (¶6.177)',
  ],
  processMaps: [],
  seniorOwners: [
    {
      party: 'home-office-ie',
      name: 'IE Assistant Director (Grade 7), Local Partnership Managers',
      role: 'Authorised the pilot; the task remains with her team (¶6.175, ¶6.184)',
      email: 'ie-lpm-midlands-yorkshire@homeoffice.example',
    },
  ],
  communication: null,
  feedback: null,
  measures: [
    {
      code: 'cases-reviewed',
      description:
        'Cases reviewed: 61 and 77 in the pilots, 425 by seven ICE teams by March 2018 (¶6.173–6.174, ¶6.180)',
    },
    {
      code: 'cases-actioned',
      description:
        '166 passed to Returns Preparation; 23 accepted for visits or detention on reporting, none leading to arrest (¶6.180)',
    },
  ],
  review: {
    intervalMonths: null,
    lastReviewedOn: '2018-03-01',
    nextReviewDue: null,
    improvementPlan:
      'Circulate the evaluation to operational teams; see how debtor data could complement Returns Preparation (¶6.183–6.184)',
  },
  namesOrganisations: ['home-office'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '1.0',
    signatures: [],
    inForceFrom: null,
    inForceTo: null,
    // The data was already on CID from debtor returns; nothing was asked of, or sent to, DHSC or the Trusts.
    exchanges: [],
    notes:
      'Pilots in the Midlands and Yorkshire and Humber, March–April 2017; rolled out voluntarily from July 2017; six-month review March 2018 (¶6.172–6.180). No engagement with Trusts, DHSC unaware, no feedback to DHSC known (¶6.178–6.179, ¶6.184).',
  },
];
