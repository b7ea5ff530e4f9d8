// Collaboration 3: Accessed Public Funds checks, UKVI asking DWP's National Disclosure Unit (¶6.45–6.62).
// The report gives only a year for when the collaboration began ("since 1992"): its first day stands in.
// The MoU is "quite old" and undated in the report (¶6.54). Its requests cite s.29(3) of the Data Protection
// Act 1998 (Form 1000, ¶6.53), so the day that Act came into force (1 March 2000) stands in for its signing.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'ukvi-dwp-accessed-public-funds',
  reportRef: '3',
  title: 'Accessed Public Funds checks',
  purpose:
    'UKVI Migrant Casework and Sponsorship Casework ask DWP whether an applicant for leave has received benefits, and on what basis, when the application says otherwise.',
  kind: 'bau',
  directorate: 'UK Visas and Immigration',
  owner: {
    name: 'Migrant Casework manager',
    role: 'UKVI Visas and Citizenship, Sheffield',
    email: 'migrant-casework@homeoffice.example',
  },
  parties: ['home-office-ukvi', 'dwp'],
  startsOn: '1992-01-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'dwp-disclosure-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'DWP National Disclosure Unit MoU (Form 1000 requests)',
  },
];

const common = {
  agreementId: 'dwp-disclosure-mou',
  title: 'DWP National Disclosure Unit MoU (Form 1000 requests)',
  kind: 'mou',
  parties: ['home-office-ukvi', 'dwp'],
  suspensions: [],
  terminatedOn: null,
  legalBases: [
    {
      code: 'dpa-1998-s29-3',
      statute: 'Data Protection Act 1998',
      section: 's.29(3) (now DPA 2018 Sch. 2 para 2)',
      source:
        'ICIBI inspection report ¶6.53 (Form 1000); https://www.legislation.gov.uk/ukpga/1998/29/section/29, now https://www.legislation.gov.uk/ukpga/2018/12/schedule/2/paragraph/2',
    },
  ],
  purposes: [
    {
      code: 'check-accessed-public-funds',
      description:
        'Establish whether an applicant for leave has received benefits, at which address and on what basis (¶6.46, ¶6.51)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'home-office-ukvi',
      seeks:
        'Whether an applicant who declared no benefits has claimed them, or was entitled to those declared (¶6.51)',
    },
    {
      party: 'dwp',
      seeks:
        'Requests in a form its Disclosure Officers can search from, and feedback on what they led to (¶6.53, ¶6.62)',
    },
  ],
  dataAccuracy: null,
  sopReferences: ['Form 1000: Request to DWP for information under s.29(3) of the Data Protection Act 1998 (¶6.53)'],
  processMaps: [],
  // "No evidence of more senior level interest" from either department (¶6.56).
  seniorOwners: [],
  communication:
    'Disclosure Officers in constant contact with Home Office counterparts; an escalation contact ("2MS") at the Home Office (¶6.58)',
  // DWP asks to be told if the subject is not entitled to remain and chases once; it receives little (¶6.62).
  feedback: null,
  measures: [
    {
      code: 'response-time',
      description:
        '5-day SLA in the MoU (¶6.54); UKVI reports about 7 days, DWP about 48 hours: the figures disagree (¶6.60)',
      slaHours: 120,
      exchanges: ['dwp.accessed-public-funds'],
    },
  ],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
  // "Probably still referred to the Immigration Service", disbanded in 2007 (¶6.54, fn 58).
  namesOrganisations: ['uk-immigration-service', 'dwp'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '1.0',
    signatures: [
      {
        party: 'home-office-ukvi',
        signatory: 'UK Immigration Service, for the Home Office (not named in the report)',
        signedOn: '2000-03-01',
      },
      {
        party: 'dwp',
        signatory: "DWP data-sharing team, the MoU's owner (not named in the report)",
        signedOn: '2000-03-01',
      },
    ],
    inForceFrom: '2000-03-01',
    inForceTo: null,
    exchanges: [exchangeTerms('dwp.accessed-public-funds', ['home-office-ukvi'], 'dwp')],
    notes:
      'Owned by DWP\'s data-sharing team; "quite old" and believed to name the Immigration Service (¶6.54): its date, signatories and version are not in the report, and the signing date here is a stand-in. Requests go through a call centre or generic inbox (¶6.48). UKVI keeps no performance data beyond timeliness (¶6.60). Not affected by the April 2018 suspension (¶6.56).',
  },
];
