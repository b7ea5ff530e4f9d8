// Collaboration 2: NINos recorded on Biometric Residence Permits, "NINO alignment" (¶6.29–6.44).
// The report gives months, not days (process MoU signed May 2018): the first of the month stands in.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'ukvi-dwp-nino-alignment',
  reportRef: '2',
  title: 'NINo recorded on BRPs ("NINO alignment")',
  purpose:
    "UKVI sends DWP each day's grants of leave (Tier 2 since April 2015, refugees since 15 January 2018); DWP confirms, finds or assigns a NINo, which the Home Office prints on the BRP, so migrants need not apply to DWP separately.",
  kind: 'bau',
  directorate: 'UK Visas and Immigration',
  owner: {
    name: 'Immigration Checking and Enquiry Service manager',
    role: 'UKVI manager responsible for NINO alignment',
    email: 'ices-nino-alignment@homeoffice.example',
  },
  parties: ['home-office-ukvi', 'dwp'],
  startsOn: '2015-04-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'ukvi-dwp-nino-alignment-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'UKVI – DWP NINO alignment process MoU',
  },
  {
    id: 'ukvi-dwp-nino-alignment-umbrella',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Home Office – DWP umbrella data-sharing MoU (January 2012), for NINO alignment',
  },
];

const common = {
  agreementId: 'ukvi-dwp-nino-alignment-mou',
  title: 'UKVI – DWP NINO alignment process MoU',
  kind: 'mou',
  parties: ['home-office-ukvi', 'dwp'],
  suspensions: [],
  terminatedOn: null,
  // The report names no statute for this scheme (¶6.33–6.34); the Home Office's grants go to DWP for its social
  // security functions (allocating NINos), which public legislation provides for.
  legalBases: [
    {
      code: 'ssaa-1992-s122b',
      statute: 'Social Security Administration Act 1992',
      section: 's.122B (supply of government information to the Secretary of State for social security purposes)',
      source:
        'Public legislation: https://www.legislation.gov.uk/ukpga/1992/5/section/122B. The report names no basis for this sharing (¶6.29–6.44)',
    },
  ],
  purposes: [
    // Volunteered so that the migrant gets a NINo and benefits on time; not for cutting anything off, so the
    // April 2018 suspension did not touch it (¶6.44).
    {
      code: 'record-nino-on-brp',
      description: 'Confirm, find or assign a NINo for each grant so that it is printed on the BRP (¶6.33)',
      mode: 'proactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'home-office-ukvi',
      seeks:
        'One document for employers to check, and a smoother move from asylum support to benefits for refugees (¶6.32)',
    },
    { party: 'dwp', seeks: 'Fewer NINo interviews and background checks; better customer service (¶6.31, ¶6.40)' },
  ],
  dataAccuracy: {
    // A NINo travels only "where the applicant has indicated … they already have one"; DWP assigns one where
    // there is none (¶6.33), so it cannot be a point every grant must carry.
    matchPoints: ['name', 'dateOfBirth'],
    description:
      'DWP bulk-matches the CID particulars (name and date of birth, and the NINo where the applicant gave one) against its records; a partial match (common name, differing date of birth) goes back to UKVI to resolve, never silently accepted (¶6.33)',
  },
  sopReferences: ['Tier 2 and refugee process set out in the process MoU (¶6.33)'],
  processMaps: [],
  seniorOwners: [
    {
      party: 'home-office-ukvi',
      name: 'Immigration Checking and Enquiry Service manager',
      role: 'UKVI manager responsible for the scheme (¶6.35)',
      email: 'ices-nino-alignment@homeoffice.example',
    },
    {
      party: 'dwp',
      name: 'DWP NINo operations management',
      role: 'DWP owner of the scheme (¶6.31)',
      email: 'nino-operations@dwp.example',
    },
  ],
  communication: 'Weekly dial-in meetings between the departments (¶6.37)',
  feedback: 'DWP returns a daily spreadsheet of confirmed, found and assigned NINos and partial matches (¶6.33)',
  measures: [
    {
      code: 'trace-and-assign',
      description:
        'DWP traces or assigns NINos for Tier 2 grants within 5 days (umbrella MoU SLA, ¶6.34); under 1% late (¶6.41)',
      slaHours: 120,
      exchanges: ['dwp.nino-alignment'],
    },
    {
      code: 'trace-and-assign-vulnerable',
      description: 'Within 48 hours for vulnerable individuals, i.e. refugees (¶6.34)',
      slaHours: 48,
      exchanges: ['dwp.nino-alignment'],
    },
    // Batches of grants come each working day (¶6.33): three silent days, more than a weekend, raise a signal.
    {
      code: 'daily-batch',
      description: 'A batch of grants sent to DWP every working day (¶6.33)',
      exchanges: ['dwp.nino-alignment'],
      cadence: { every: 'day', missedPeriods: 3 },
    },
    { code: 'already-held-rate', description: 'Share of grants that already had a NINo: about 30% (¶6.41)' },
  ],
  review: {
    intervalMonths: null,
    lastReviewedOn: null,
    nextReviewDue: null,
    improvementPlan:
      'Extend to Northern Ireland and to out-of-country Tier 2 dependants (¶6.44); no overall evaluation planned, "since it had no fixed end date" (¶6.39)',
  },
  namesOrganisations: ['home-office', 'dwp'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2018-05',
    signatures: [
      {
        party: 'home-office-ukvi',
        signatory: 'UKVI, Immigration Checking and Enquiry Service (signatory not named in the report)',
        signedOn: '2018-05-01',
      },
      { party: 'dwp', signatory: 'DWP (signatory not named in the report)', signedOn: '2018-05-01' },
    ],
    inForceFrom: '2018-05-01',
    inForceTo: null,
    exchanges: [exchangeTerms('dwp.nino-alignment', ['home-office-ukvi'], 'dwp')],
    notes:
      'The latest version, signed May 2018 (¶6.33). From April 2015 until then the scheme ran under the January 2012 umbrella MoU (agreement ukvi-dwp-nino-alignment-umbrella), whose SLAs it keeps (¶6.34). 2,700 BRPs carried a NINo by March 2018 (¶6.30).',
  },
  {
    // From April 2015 (Tier 2 grants, ¶6.29) to the process MoU of May 2018 the scheme ran under the umbrella MoU
    // of January 2012, whose SLAs it used (¶6.34). The umbrella MoU is registered once for its own flows
    // (home-office-dwp-umbrella-mou, collaboration dwp-status-checks); this agreement records it as it covered
    // NINO alignment, between the directorate that ran the scheme and DWP.
    ...common,
    agreementId: 'ukvi-dwp-nino-alignment-umbrella',
    title: 'Home Office – DWP umbrella data-sharing MoU (January 2012), for NINO alignment',
    version: '2012-01',
    signatures: [
      {
        party: 'home-office-ukvi',
        signatory:
          'Home Office, as signatory of the January 2012 umbrella MoU (signatory not named in the report, ¶6.34)',
        signedOn: '2012-01-01',
      },
      {
        party: 'dwp',
        signatory: 'DWP, as signatory of the January 2012 umbrella MoU (signatory not named in the report, ¶6.34)',
        signedOn: '2012-01-01',
      },
    ],
    inForceFrom: '2015-04-01',
    inForceTo: '2018-04-30',
    exchanges: [exchangeTerms('dwp.nino-alignment', ['home-office-ukvi'], 'dwp')],
    sopReferences: ['Tier 2 process as later written into the process MoU of May 2018 (¶6.33)'],
    notes:
      'NINO alignment ran from April 2015 under the January 2012 umbrella MoU, until the process MoU signed in May 2018 replaced it (¶6.33–6.34). The report gives months only: the first of the month stands in, and the last day of April 2018 ends it.',
  },
];
