// Collaboration 6: evidence of employment, income and residence from HMRC (¶6.87–6.95).
// The report gives months, not days (bulk pilot from August 2016): the first of the month stands in.
// Two agreements: IE's and UKVI's case-by-case requests under s.40 of the UK Borders Act 2007, with no MoU, and
// UKVI's bulk data-sharing agreement. A statutory gateway has no signatories, so each party's "signature" records
// the first day the register relies on the provision; the report gives no date, so Royal Assent (30 October 2007)
// stands in, and the signatory says so.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'ie-ukvi-hmrc-evidence-of-employment',
  reportRef: '6',
  title: 'Evidence of employment, income and residence',
  purpose:
    "IE and UKVI ask HMRC for evidence of a person's employment, income and residence under s.40 of the UK Borders Act 2007; UKVI European Casework does so in bulk to establish a right to remain or the exercise of EU Treaty rights.",
  kind: 'bau',
  directorate: 'UK Visas and Immigration',
  owner: {
    name: 'European Casework team leader',
    role: 'UKVI owner of the bulk data sharing (¶6.88, ¶6.91)',
    email: 'european-casework@homeoffice.example',
  },
  parties: ['home-office-ie', 'home-office-ukvi', 'hmrc'],
  startsOn: '2007-10-30',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'ie-ukvi-hmrc-s40-requests',
    collaborationId: collaboration.id,
    kind: 'statutory-gateway',
    title: 'UK Borders Act 2007 s.40 requests, case by case (no MoU)',
  },
  {
    id: 'ukvi-hmrc-bulk-evidence-dsa',
    collaborationId: collaboration.id,
    kind: 'data-sharing-agreement',
    title: 'UKVI – HMRC bulk data-sharing agreement',
  },
];

const s40 = {
  code: 'ukba-2007-s40',
  statute: 'UK Borders Act 2007',
  section: 's.40(1)(a), (b) and (j) (supply of HMRC information to the Home Secretary, ¶6.87)',
  source: 'ICIBI inspection report ¶6.87–6.88; https://www.legislation.gov.uk/ukpga/2007/30/section/40',
};

const common = {
  suspensions: [],
  terminatedOn: null,
  legalBases: [s40],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  namesOrganisations: ['home-office', 'hmrc'],
} satisfies Partial<AgreementVersion>;

const caseByCaseParties = ['home-office-ie', 'home-office-ukvi', 'hmrc'];
const statute = 'No signatory: UK Borders Act 2007 s.40 (Royal Assent stands in for the first day relied on)';

export const versions: AgreementVersion[] = [
  {
    ...common,
    agreementId: 'ie-ukvi-hmrc-s40-requests',
    title: 'UK Borders Act 2007 s.40 requests, case by case (no MoU)',
    kind: 'statutory-gateway',
    version: '2007-10',
    parties: caseByCaseParties,
    signatures: caseByCaseParties.map((party) => ({ party, signatory: statute, signedOn: '2007-10-30' })),
    inForceFrom: '2007-10-30',
    inForceTo: null,
    purposes: [
      {
        code: 'administer-immigration-control',
        description: 'Administer immigration control under the Immigration Acts (s.40(1)(a))',
        mode: 'reactive',
        compliantEnvironment: false,
      },
      {
        code: 'immigration-offences',
        description:
          'Prevent, detect, investigate or prosecute offences under the Immigration Acts, e.g. people encountered in enforcement (s.40(1)(b), ¶6.88)',
        mode: 'reactive',
        compliantEnvironment: false,
      },
    ],
    partyAims: [
      { party: 'home-office-ie', seeks: 'Checks on individuals encountered during enforcement (¶6.88)' },
      { party: 'home-office-ukvi', seeks: 'Case-by-case evidence of employment for casework (¶6.88)' },
    ],
    exchanges: [exchangeTerms('hmrc.evidence-request', ['home-office-ie', 'home-office-ukvi'], 'hmrc')],
    seniorOwners: [],
    communication: null,
    feedback: null,
    measures: [],
    review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
    notes:
      'IE makes most use of s.40 requests (¶6.88). The report describes no agreement, owner, measures or review for case-by-case requests; HMRC still requires each request to state exactly how the information will be used (¶6.79).',
  },
  {
    ...common,
    agreementId: 'ukvi-hmrc-bulk-evidence-dsa',
    title: 'UKVI – HMRC bulk data-sharing agreement',
    kind: 'data-sharing-agreement',
    version: '1.0',
    parties: ['home-office-ukvi', 'hmrc'],
    signatures: [
      {
        party: 'home-office-ukvi',
        signatory: 'UKVI, with Home Office Corporate Services (signatory not named in the report)',
        signedOn: '2016-08-01',
      },
      { party: 'hmrc', signatory: 'HMRC (signatory not named in the report)', signedOn: '2016-08-01' },
    ],
    inForceFrom: '2016-08-01',
    inForceTo: null,
    purposes: [
      {
        code: 'right-to-remain-or-treaty-rights',
        description:
          "Establish an individual's right to remain in the UK or whether they are exercising EU Treaty rights (¶6.89)",
        mode: 'reactive',
        compliantEnvironment: false,
      },
    ],
    partyAims: [
      { party: 'home-office-ukvi', seeks: 'Employment status in bulk rather than case by case (¶6.88)' },
      { party: 'hmrc', seeks: 'A bounded, reviewed volume of requests (¶6.93, ¶6.95)' },
    ],
    exchanges: [exchangeTerms('hmrc.evidence-request', ['home-office-ukvi'], 'hmrc')],
    seniorOwners: [
      {
        party: 'home-office-ukvi',
        name: 'European Casework team leader',
        role: 'Arranged the bulk sharing (¶6.91)',
        email: 'european-casework@homeoffice.example',
      },
      {
        party: 'hmrc',
        name: 'HMRC data-sharing lead',
        role: 'HMRC side of the six-monthly review (¶6.93)',
        email: 'data-sharing@hmrc.example',
      },
    ],
    communication: 'Review meetings every six months; data analysts in regular contact between them (¶6.93)',
    feedback: null,
    measures: [
      {
        code: 'monthly-cap',
        description: 'At most 10,000 information requests a month, from the outset (¶6.95)',
        monthlyCap: 10000,
        exchanges: ['hmrc.evidence-request'],
      },
    ],
    review: {
      intervalMonths: 6,
      lastReviewedOn: '2017-02-01',
      nextReviewDue: null,
      improvementPlan: 'More automation after the pilot evaluation (¶6.94)',
    },
    notes:
      "Began in August 2016 as a 6-month pilot, then evaluated (the review date is the pilot's end). The six-monthly reviews continue; their dates are not in the report (¶6.93–6.94). Unaffected by the April 2018 suspension of proactive sharing (¶6.90).",
  },
];
