// Collaboration 10: NHS debtor reporting, Trusts reporting unpaid charges of non-EEA patients (¶6.143–6.169).
// The report gives months, not days (threshold lowered April 2016): the first of the month stands in.
// No MoU: the Home Office holds that the Immigration Rules make one unnecessary (¶6.152). A statutory gateway has no
// signatories, so each party's "signature" records the day the rules came into force (31 October 2011, ¶6.149),
// and the signatory says so. Trusts send returns through DHSC (¶6.153); the sample Trusts may also send directly.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';
import { sampleTrusts } from './parties.ts';

export const collaboration: Collaboration = {
  id: 'ie-dhsc-nhs-debtor-reporting',
  reportRef: '10',
  title: 'NHS debtor reporting',
  purpose:
    'NHS Trusts report, through DHSC, non-EEA patients with unpaid charges above a threshold, non-clinical data only, so that the debt is recorded on CID and informs any future application for entry clearance or leave.',
  kind: 'bau',
  directorate: 'Immigration Enforcement (Data and Sanctions Team)',
  owner: {
    name: 'NHS Debtors Team senior manager',
    role: 'IE Data and Sanctions Team (fn 68)',
    email: 'nhs-debtors@homeoffice.example',
  },
  parties: ['home-office-ie', 'dhsc', ...sampleTrusts],
  startsOn: '2011-10-31',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'nhs-debtor-immigration-rules',
    collaborationId: collaboration.id,
    kind: 'statutory-gateway',
    title: 'Immigration Rules ¶320(22) and ¶322(12): NHS debtors (no MoU)',
  },
];

const parties = ['home-office-ie', 'dhsc', ...sampleTrusts];
const rules = 'No signatory: Immigration Rules ¶320(22) and ¶322(12), in force 31 October 2011 (¶6.149, ¶6.152)';

const common = {
  agreementId: 'nhs-debtor-immigration-rules',
  title: 'Immigration Rules ¶320(22) and ¶322(12): NHS debtors (no MoU)',
  kind: 'statutory-gateway',
  parties,
  signatures: parties.map((party) => ({ party, signatory: rules, signedOn: '2011-10-31' })),
  suspensions: [],
  terminatedOn: null,
  purposes: [
    // Volunteered by the Trusts for immigration decisions, not to cut off services: untouched by the April 2018
    // suspension (¶6.142).
    {
      code: 'record-nhs-debt',
      description:
        "Record a non-EEA patient's unpaid NHS charges on CID so that they inform any future application for entry clearance or leave (¶6.153–6.154)",
      mode: 'proactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'home-office-ie',
      seeks: 'Debts taken into account when a debtor next applies for a visa or leave (¶6.147, ¶6.154)',
    },
    { party: 'dhsc', seeks: 'Recovery of charges without pushing past where DHSC is comfortable (¶6.151)' },
  ],
  exchanges: [exchangeTerms('nhs.debtor-return', ['dhsc', ...sampleTrusts], 'home-office-ie')],
  dataAccuracy: {
    // Trusts do not hold Home Office references: the debt is added to the person's CID record "where one existed"
    // and a new record is created where none did (¶6.153), so name and the mandatory date of birth are the points.
    matchPoints: ['name', 'dateOfBirth'],
    description:
      'Date of birth is mandatory; returns with EU nationals or missing mandatory fields are rejected back to the Trust through DHSC (¶6.153, ¶6.166)',
  },
  sopReferences: [
    'Home Office debtor spreadsheet, filled in monthly with non-clinical data only (¶6.153, ¶6.157)',
    'Home Office guidance: CID record flagged "NHS Debtor" (¶6.154)',
  ],
  processMaps: [
    'Figure 5: CID categorisation of NHS debtors (Debt outstanding → Repayment arrangement → Defaulted – debt still outstanding → Debt repaid)',
  ],
  seniorOwners: [
    {
      party: 'home-office-ie',
      name: 'NHS Debtors Team senior manager',
      role: 'IE owner of the debtor process',
      email: 'nhs-debtors@homeoffice.example',
    },
    {
      party: 'dhsc',
      name: 'Cost Recovery Team senior manager',
      role: 'DHSC owner (¶6.151)',
      email: 'cost-recovery@dhsc.example',
    },
    ...sampleTrusts.map((trust) => ({
      party: trust,
      name: 'Overseas Visitors Manager',
      role: 'Completes the monthly return (¶6.156)',
      email: `ovm@${trust.replace('nhs-trust-', '')}.nhs.example`,
    })),
  ],
  communication:
    "Local Partnership Managers promote the monthly Debtors Return with Trusts' Overseas Visitors Managers; experience varies by Trust (¶6.163–6.164)",
  feedback: 'Rejected data is passed back to the originating Trust through DHSC (¶6.153)',
  measures: [
    {
      code: 'trusts-returning',
      description:
        'Trusts sending a monthly return: on average 77 of about 160 in February 2017 – January 2018 (¶6.165; over 100 later, fn 73)',
    },
    {
      code: 'return-quality',
      description: 'Returns rejected for EU nationals or missing mandatory fields such as date of birth (¶6.166)',
    },
  ],
  review: {
    intervalMonths: null,
    lastReviewedOn: null,
    nextReviewDue: null,
    improvementPlan: 'LPMs to improve the rate and quality of returns (¶6.186)',
  },
  namesOrganisations: ['home-office', 'dhsc'],
} satisfies Partial<AgreementVersion>;

// The Immigration Rules are laid before Parliament as statements of changes, not published on legislation.gov.uk.
const rulesSource =
  'ICIBI inspection report ¶6.149–6.150 (Statement of Changes in Immigration Rules HC 1511, 10 October 2011, and the Explanatory Memorandum of 11 March 2016)';
const rule320 = {
  code: 'immigration-rules-320-22',
  statute: 'Immigration Rules (HC 395)',
  section: '¶320(22): refusal of entry clearance or leave to enter for NHS debt',
  source: rulesSource,
};
const rule322 = {
  code: 'immigration-rules-322-12',
  statute: 'Immigration Rules (HC 395)',
  section: '¶322(12): refusal of leave to remain for NHS debt',
  source: rulesSource,
};

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2011-10',
    inForceFrom: '2011-10-31',
    inForceTo: '2016-03-31',
    legalBases: [rule320, rule322],
    notes:
      'Threshold: a cumulative debt of £1,000 or more outstanding after 3 months, for invoices from 1 November 2011 (¶6.149–6.150). The register has no field for the threshold, so it is stated here.',
  },
  {
    ...common,
    version: '2016-04',
    inForceFrom: '2016-04-01',
    inForceTo: null,
    legalBases: [
      rule320,
      rule322,
      {
        code: 'immigration-rules-appendix-v-3-14',
        statute: 'Immigration Rules (HC 395)',
        section: 'Appendix V, 3.14: visitors with NHS debt (¶6.150)',
        source: rulesSource,
      },
    ],
    notes:
      'Threshold lowered in April 2016 to a debt of £500 or more outstanding for 2 months or more, non-EEA patients only, date of birth mandatory (¶6.149–6.150). The register has no field for the threshold, so it is stated here. Never medical information (¶5.31).',
  },
];
