// DWP status checks and proactive notifications, under the Home Office – DWP umbrella data-sharing MoU.
// Not one of the report's eleven examples, but both flows are in it: DWP's reactive status checks continue under the
// Windrush pause, proactive notifications for the compliant environment do not (¶3.24, ¶5.43, ¶6.56).
// The report gives months, not days (umbrella MoU January 2012, ¶6.34): the first of the month stands in. It is the
// only general Home Office – DWP agreement the report names, so both flows are registered under it; the report
// gives neither its legal basis nor its terms beyond the data-checking SLAs.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'dwp-status-checks',
  reportRef: '–',
  title: 'DWP status checks and proactive notifications',
  purpose:
    "DWP checks a claimant's immigration status when doubts arise about entitlement to benefits; the Home Office volunteers changes of status to DWP so that benefits can be stopped (compliant environment, paused for people over 30 since 23 April 2018).",
  kind: 'bau',
  directorate: 'UK Visas and Immigration (Status Verification, Enquiries and Checking)',
  owner: {
    name: 'Not named in the report',
    role: 'Home Office owner of DWP status checks',
    email: 'dwp-status-checks@homeoffice.example',
  },
  parties: ['home-office', 'dwp'],
  startsOn: '2012-01-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'home-office-dwp-umbrella-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Home Office – DWP umbrella data-sharing MoU',
  },
];

const common = {
  agreementId: 'home-office-dwp-umbrella-mou',
  title: 'Home Office – DWP umbrella data-sharing MoU',
  kind: 'mou',
  parties: ['home-office', 'dwp'],
  suspensions: [],
  terminatedOn: null,
  // The report names no basis for either flow (¶3.24, ¶5.43, ¶6.56); both are Home Office information given to DWP
  // for its social security functions, which public legislation provides for.
  legalBases: [
    {
      code: 'ssaa-1992-s122b',
      statute: 'Social Security Administration Act 1992',
      section: 's.122B (supply of government information to the Secretary of State for social security purposes)',
      source:
        'Public legislation: https://www.legislation.gov.uk/ukpga/1992/5/section/122B. The report names no basis for this sharing (¶3.24, ¶5.43, ¶6.56)',
    },
  ],
  purposes: [
    {
      code: 'benefit-entitlement-status-check',
      description:
        "Answer DWP's check of a person's immigration status where doubts have arisen about entitlement to benefits (¶6.56)",
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'cease-benefits-notification',
      description:
        'Volunteer a change of status to DWP so that it can stop benefits (compliant environment, ¶3.24, ¶5.43)',
      mode: 'proactive',
      compliantEnvironment: true,
    },
  ],
  partyAims: [
    { party: 'home-office', seeks: 'Benefits stopped for people with no entitlement (¶5.43)' },
    { party: 'dwp', seeks: 'Status confirmed so that it can decide entitlement within its legal framework (¶6.56)' },
  ],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  seniorOwners: [],
  communication: null,
  feedback: null,
  measures: [
    {
      code: 'data-checking',
      description: 'DWP data checking within 5 days, 48 hours for vulnerable individuals (the umbrella SLAs, ¶6.34)',
      slaHours: 120,
    },
    {
      code: 'windrush-referrals',
      description:
        'Status checks about someone with a Windrush profile referred to the Windrush Taskforce, DWP told (¶6.56)',
    },
  ],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
  namesOrganisations: ['home-office', 'dwp'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2012-01',
    signatures: [
      { party: 'home-office', signatory: 'Home Office (signatory not named in the report)', signedOn: '2012-01-01' },
      { party: 'dwp', signatory: 'DWP (signatory not named in the report)', signedOn: '2012-01-01' },
    ],
    inForceFrom: '2012-01-01',
    inForceTo: null,
    exchanges: [
      exchangeTerms('dwp.status-check', ['dwp'], 'home-office'),
      exchangeTerms('dwp.proactive-notification', ['home-office'], 'dwp'),
    ],
    notes:
      'The "umbrella" data-sharing MoU of January 2012 (¶6.34, ¶6.56). The report names no legal basis, owner, measures or review for status checks or proactive notifications. The legal basis recorded is the one public legislation provides (SSAA 1992 s.122B), not one the report names.',
  },
];
