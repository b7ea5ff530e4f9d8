// Collaboration 9: free school meals eligibility through DfE's Eligibility Checking System (¶6.127–6.140).
// The report gives only a year for the first MoU (2009) and a month for the missed review (March 2018): the first
// day of the year or month stands in. V1-3 is "dated" 9 May 2016; the report does not say when it was signed, so
// its date stands in for both signatures.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'ho-dfe-free-school-meals',
  reportRef: '9',
  title: 'Free school meals eligibility',
  purpose:
    "The Home Office uploads Section 95 asylum support data weekly to DfE's Eligibility Checking System, which LEAs use to verify free school meals; when a parent is not found, the ECS team asks the Home Office to validate, and the reply must say the support is under Part VI of the 1999 Act.",
  kind: 'bau',
  directorate: 'UK Visas and Immigration (Asylum Support)',
  owner: {
    name: 'Performance Reporting and Analysis Unit',
    role: 'Compiles the Section 95 data; requests go to a generic inbox (¶6.132, ¶6.134)',
    email: 'asylum-support-data@homeoffice.example',
  },
  parties: ['home-office', 'dfe', 'local-education-authorities'],
  startsOn: '2009-01-01',
  endsOn: null,
  status: 'active',
};

const title =
  'For establishing a framework of cooperation to support eligibility checking for free school meals, 2-year olds early education, and early years pupil premium';

export const agreements: Agreement[] = [
  {
    id: 'ho-dfe-fsm-process-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Free school meals eligibility checking process MoU',
  },
];

const common = {
  agreementId: 'ho-dfe-fsm-process-mou',
  title: 'Free school meals eligibility checking process MoU',
  kind: 'mou',
  suspensions: [],
  terminatedOn: null,
  legalBases: [
    {
      code: 'iaa-1999-s95',
      statute: 'Immigration and Asylum Act 1999',
      section: 'Part VI, s.95 (support for asylum seekers, ¶6.127)',
      source: 'ICIBI inspection report ¶6.127, ¶6.131–6.134; https://www.legislation.gov.uk/ukpga/1999/33/section/95',
    },
  ],
  purposes: [
    {
      code: 'free-school-meals-eligibility',
      description:
        'Confirm that a parent or guardian receives support under s.95, Part VI of the Immigration and Asylum Act 1999, so that a child can have free school meals, early education and pupil premium (¶6.127, ¶6.130)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'weekly-s95-upload',
      description: 'Weekly batch upload of Section 95 support data to the ECS (¶6.132)',
      mode: 'proactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'dfe',
      seeks: 'Current Section 95 data in the ECS and prompt validation of claims it cannot find (¶6.131–6.134)',
    },
  ],
  dataAccuracy: null,
  sopReferences: [
    'Validation request form, created by the Home Office in early 2018 without consultation and amended by the ECS team to ask about Part VI (¶6.134)',
  ],
  processMaps: [],
  // No regular meetings and no other evidence of leadership (¶6.135); no named Home Office contact (¶6.134).
  seniorOwners: [],
  communication: null,
  feedback: null,
  measures: [
    {
      code: 'weekly-upload',
      description:
        'Section 95 data uploaded to the ECS every week (¶6.132); a 4-month gap in 2016 went unnoticed by the Home Office (¶6.136)',
    },
    // The weekly upload itself does not pass through the gateway; the validations that do are the feed it can watch.
    {
      code: 'weekly-validations',
      description:
        'ECS validation requests arrive 2 or 3 a week (¶6.133); two silent weeks raise a signal, so a gap like the 4 months of 2016 cannot go unnoticed (¶6.136)',
      exchanges: ['dfe.fsm-eligibility'],
      cadence: { every: 'week', missedPeriods: 2 },
    },
  ],
  review: { intervalMonths: 12, lastReviewedOn: null, nextReviewDue: '2018-03-01', improvementPlan: null },
} satisfies Partial<AgreementVersion>;

const fsm = (responder: string) => exchangeTerms('dfe.fsm-eligibility', ['dfe'], responder);

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: 'V1-0',
    parties: ['ukba', 'dfe'],
    signatures: [
      { party: 'ukba', signatory: 'UK Border Agency (signatory not named in the report)', signedOn: '2009-01-01' },
      {
        party: 'dfe',
        signatory: 'The education department (then DCSF; signatory not named in the report)',
        signedOn: '2009-01-01',
      },
    ],
    inForceFrom: '2009-01-01',
    inForceTo: '2016-05-08',
    exchanges: [fsm('ukba')],
    namesOrganisations: ['ukba', 'dfe'],
    notes: `"${title}": the original, signed in 2009 (¶6.130). Versions between it and V1-3 are not in the report.`,
  },
  {
    ...common,
    version: 'V1-3',
    parties: ['home-office', 'dfe'],
    signatures: [
      {
        party: 'home-office',
        signatory: 'Home Office (dated 9 May 2016; signatory not named in the report)',
        signedOn: '2016-05-09',
      },
      { party: 'dfe', signatory: 'DfE (dated 9 May 2016; signatory not named in the report)', signedOn: '2016-05-09' },
    ],
    inForceFrom: '2016-05-09',
    inForceTo: null,
    exchanges: [fsm('home-office')],
    // Headed with the UK Border Agency logo and stencil three years after UKBA ceased to exist (¶6.130).
    namesOrganisations: ['ukba', 'dfe'],
    notes: `"${title}", V1-3, headed with the UKBA logo (¶6.130). Validation requests from the ECS team (2 or 3 a week, sometimes over a week to answer) "do not appear to be covered" by it (¶6.133): they are registered here so that they are governed at all, with no SLA because the MoU sets none. Replies often omit "Part VI" (¶6.134). The annual review due March 2018 had not happened (¶6.140).`,
  },
];
