// Collaboration 5: Operation LARI, IE using HMRC data on Houses of Multiple Occupation (¶6.75–6.86).
// The report gives months, not days (phase 2 November 2017 – March 2018, evaluation May 2018): the first or last
// of the month stands in. For the MoU it gives only "the first half of 2017" for phase 1, so 1 January 2017 does.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'ie-hmrc-operation-lari',
  reportRef: '5',
  title: 'Operation LARI',
  purpose:
    'IE used HMRC data to find Houses of Multiple Occupation housing non-EU nationals suspected of illegal working, and their landlords, to target enforcement and protect people from trafficking and modern slavery.',
  kind: 'operation',
  directorate: 'Immigration Enforcement',
  owner: {
    name: 'Illegal Working Threat Lead (Grade 6)',
    role: 'Drove both phases (¶6.81)',
    email: 'illegal-working-threat@homeoffice.example',
  },
  parties: ['home-office-ie', 'hmrc'],
  startsOn: '2017-01-01',
  endsOn: '2018-03-31',
  status: 'closed',
};

export const agreements: Agreement[] = [
  {
    id: 'ie-hmrc-lari-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'IE – HMRC Operation LARI data-sharing MoU',
  },
  {
    id: 'ie-hmrc-lari-dua',
    collaborationId: collaboration.id,
    kind: 'data-usage-agreement',
    title: 'IE – HMRC Operation LARI data usage agreement',
  },
];

const common = {
  parties: ['home-office-ie', 'hmrc'],
  suspensions: [],
  terminatedOn: null,
  // The report says gateways were established (¶6.79) without naming them; s.40 is the gateway it gives for HMRC
  // information supplied to the Home Secretary (¶6.87).
  legalBases: [
    {
      code: 'ukba-2007-s40',
      statute: 'UK Borders Act 2007',
      section: 's.40 (supply of HMRC information for immigration purposes)',
      source:
        'https://www.legislation.gov.uk/ukpga/2007/30/section/40, quoted at ICIBI inspection report ¶6.87; for Operation LARI the report names a data-sharing MoU and "gateways", not the section (¶6.79–6.80)',
    },
  ],
  purposes: [
    {
      code: 'identify-hmo-illegal-working',
      description:
        'Identify HMOs housing people suspected of illegal working, and their landlords, for enforcement and to protect vulnerable people (¶6.75, ¶6.78)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'home-office-ie',
      seeks: 'Targets for enforcement and a better strategic response to illegal working (¶6.78)',
    },
    { party: 'hmrc', seeks: "Exactly how its data will be used, keeping British and EU citizens' data out (¶6.79)" },
  ],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  // Only IE's lead is named; the report stresses leadership "on both sides" after phase 1 failed (¶6.96).
  seniorOwners: [
    {
      party: 'home-office-ie',
      name: 'Illegal Working Threat Lead (Grade 6)',
      role: 'Authorised by the IE National Tasking Board (¶6.81)',
      email: 'illegal-working-threat@homeoffice.example',
    },
  ],
  communication: 'Channelled through the IE Illegal Working Lead (¶6.83)',
  feedback: null,
  namesOrganisations: ['home-office', 'hmrc'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    agreementId: 'ie-hmrc-lari-mou',
    title: 'IE – HMRC Operation LARI data-sharing MoU',
    kind: 'mou',
    version: '1.0',
    signatures: [
      {
        party: 'home-office-ie',
        signatory: 'Immigration Enforcement (signatory not named in the report)',
        signedOn: '2017-01-01',
      },
      { party: 'hmrc', signatory: 'HMRC (signatory not named in the report)', signedOn: '2017-01-01' },
    ],
    inForceFrom: '2017-01-01',
    inForceTo: '2018-03-31',
    // A framework only: HMRC shared nothing in phase 1 until a data usage agreement said how the data would be used.
    exchanges: [],
    measures: [],
    review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
    notes:
      'Took a year to negotiate; HMRC shared no data in phase 1 (just over 14 weeks in the first half of 2017) because of its statutory duty of confidentiality and changing Home Office requirements (¶6.79). Signing date is a stand-in.',
  },
  {
    ...common,
    agreementId: 'ie-hmrc-lari-dua',
    title: 'IE – HMRC Operation LARI data usage agreement',
    kind: 'data-usage-agreement',
    version: '1.0',
    signatures: [
      {
        party: 'home-office-ie',
        signatory: 'Immigration Enforcement (signatory not named in the report)',
        signedOn: '2017-11-01',
      },
      { party: 'hmrc', signatory: 'HMRC (signatory not named in the report)', signedOn: '2017-11-01' },
    ],
    inForceFrom: '2017-11-01',
    inForceTo: '2018-03-31',
    exchanges: [exchangeTerms('hmrc.evidence-request', ['home-office-ie'], 'hmrc')],
    measures: [
      {
        code: 'people-encountered',
        description: 'People of interest encountered: 888, of whom 201 arrested and 37 removals pursued (¶6.84)',
      },
      {
        code: 'landlord-sanctions',
        description: 'Right to Rent referral notices to 24 landlords; 14 eviction notices; £19,800 seized (¶6.84)',
      },
      { code: 'ice-deployments', description: '17 of 19 ICE teams deployed on 253 occasions (¶6.82)' },
    ],
    review: {
      intervalMonths: null,
      lastReviewedOn: '2018-05-01',
      nextReviewDue: null,
      improvementPlan: 'Further use of HMRC data to target selected HMOs (¶6.86)',
    },
    notes:
      'Finalised before phase 2 (November 2017 – March 2018), after IE adjusted its requests (¶6.80). The HMO dataset is not itemised in the report; the standard HMRC evidence fields stand in for it. Signing date is a stand-in for "before phase 2".',
  },
];
