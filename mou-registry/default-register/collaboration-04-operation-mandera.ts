// Collaboration 4: Operation MANDERA, Border Force with HMRC intelligence at Dover (¶6.65–6.74).
// The report gives months, not days (4 days in June 2017): the first and last of the month stand in.
// No MoU: the sharing relied on s.41A of the UK Borders Act 2007 (¶6.68). A statutory gateway has no signatories,
// so each party's "signature" records the first day the register relies on the provision for this collaboration;
// the signatory says so. The version then authorises for exactly the days the statute was relied on.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';

export const collaboration: Collaboration = {
  id: 'bf-hmrc-operation-mandera',
  reportRef: '4',
  title: 'Operation MANDERA',
  purpose:
    'A four-day Border Force-led operation targeting illicit firearms in vehicles arriving at Dover, with HMRC intelligence officers in the operations room and NCA, MOD and Kent Police support.',
  kind: 'operation',
  directorate: 'Border Force',
  owner: {
    name: 'Border Force NOCC Ops Planning Team',
    role: 'Operation planning lead',
    email: 'nocc-ops-planning@homeoffice.example',
  },
  parties: ['home-office-bf', 'hmrc', 'nca'],
  startsOn: '2017-06-01',
  endsOn: '2017-06-30',
  status: 'closed',
};

export const agreements: Agreement[] = [
  {
    id: 'bf-hmrc-ukba-2007-s41a',
    collaborationId: collaboration.id,
    kind: 'statutory-gateway',
    title: 'UK Borders Act 2007 s.41A (no MoU)',
  },
];

const statute = 'No signatory: UK Borders Act 2007 s.41A, relied on without an MoU (¶6.68)';

const common = {
  agreementId: 'bf-hmrc-ukba-2007-s41a',
  title: 'UK Borders Act 2007 s.41A (no MoU)',
  kind: 'statutory-gateway',
  parties: ['home-office-bf', 'hmrc'],
  suspensions: [],
  terminatedOn: null,
  legalBases: [
    {
      code: 'ukba-2007-s41a',
      statute: 'UK Borders Act 2007',
      section: 's.41A (HMRC information for customs functions, fn 60)',
      source: 'ICIBI inspection report ¶6.68, fn 60; https://www.legislation.gov.uk/ukpga/2007/30/section/41A',
    },
  ],
  purposes: [
    {
      code: 'firearms-import-intelligence',
      description:
        'Real-time HMRC intelligence to Border Force officers for its customs functions against illicit firearms (¶6.70)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'home-office-bf',
      seeks: 'To test its ability to run a quick-response multi-agency operation against the firearms threat (¶6.67)',
    },
    {
      party: 'hmrc',
      seeks: 'To support the NCA-led National Joint Agency Group with an intelligence resource (¶6.66)',
    },
  ],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  seniorOwners: [
    {
      party: 'home-office-bf',
      name: 'Border Force Tactical Tasking and Coordination Group',
      role: 'Approved the operation (¶6.69)',
      email: 'bf-ttcg@homeoffice.example',
    },
    {
      party: 'hmrc',
      name: 'HMRC representative, National Joint Agency Group',
      role: 'Committed HMRC intelligence officers (¶6.66, ¶6.70)',
      email: 'njag-liaison@hmrc.example',
    },
  ],
  communication: 'Face-to-face planning sessions and weekly dial-ins (¶6.72)',
  feedback: null,
  measures: [{ code: 'firearms-seized', description: 'Illegal firearms seized: 2 (¶6.73)' }],
  review: {
    intervalMonths: null,
    lastReviewedOn: null,
    nextReviewDue: null,
    improvementPlan: 'Run at a different time of year with better intelligence (¶6.73–6.74)',
  },
  namesOrganisations: ['home-office', 'hmrc'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2017-06',
    signatures: common.parties.map((party) => ({ party, signatory: statute, signedOn: '2017-06-01' })),
    inForceFrom: '2017-06-01',
    inForceTo: '2017-06-30',
    // HMRC officers sat in the Border Force operations room; nothing passed through a gateway exchange (¶6.70).
    exchanges: [],
    notes:
      "No MoU: inspectors were told s.41A covered the sharing (¶6.68). Border Force's customs functions, so no immigration exchange is involved. Frontline officers thought better timing and intelligence would have helped (¶6.73).",
  },
];
