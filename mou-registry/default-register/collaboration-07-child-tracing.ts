// Collaboration 7: Operation BORTZ, then BAU child tracing with DfE (¶6.98–6.113).
// The report gives months, not days: the first of the month stands in for an unstated day.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';

export const collaboration: Collaboration = {
  id: 'ie-dfe-child-tracing',
  reportRef: '7',
  title: 'Operation BORTZ → child tracing',
  purpose:
    'Immigration Enforcement asks DfE for the home and school addresses of children it has lost contact with, to re-connect with migrant families with no right to remain and to safeguard children.',
  kind: 'bau',
  directorate: 'Immigration Enforcement',
  owner: {
    name: 'Head of Removals Casework',
    role: 'Returns Preparation team lead',
    email: 'removals-casework@homeoffice.example',
  },
  parties: ['home-office-ie', 'dfe'],
  startsOn: '2015-07-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'ie-dfe-child-tracing-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Home Office – DfE child tracing process MoU',
  },
  { id: 'ie-dfe-ie-checks-mou', collaborationId: collaboration.id, kind: 'mou', title: 'IE – DfE checks MoU' },
];

const traceFields = [
  'subject.forename',
  'subject.surname',
  'subject.dateOfBirth',
  'subject.postcode',
  'grounds.parentBelievedImmigrationOffender',
  'urgentSafeguarding',
];

const common = {
  agreementId: 'ie-dfe-child-tracing-mou',
  title: 'Home Office – DfE child tracing process MoU',
  kind: 'mou',
  parties: ['home-office-ie', 'dfe'],
  suspensions: [],
  terminatedOn: null,
  legalBases: [
    {
      code: 'dpa-1998-s29-3',
      statute: 'Data Protection Act 1998',
      section: 's.29(3) (now DPA 2018 Sch. 2 para 2)',
      // The report names s.29(3) only for DWP's Form 1000 (¶6.53); for child tracing it names agreements, no provision.
      source:
        'Public legislation: https://www.legislation.gov.uk/ukpga/1998/29/section/29. The report names s.29(3) for DWP disclosures (ICIBI inspection report ¶6.53), not for child tracing (¶6.98–6.113)',
    },
  ],
  purposes: [
    {
      code: 'trace-child-of-immigration-offender',
      description: 'Re-establish contact with a child whose parent is believed to be an immigration offender',
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'child-welfare-safeguarding',
      description: 'Urgent request where there are safeguarding or welfare concerns',
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    { party: 'home-office-ie', seeks: 'Current home and school addresses of children it has lost contact with' },
    { party: 'dfe', seeks: 'A clear, capped and recorded process that shares nothing about parents' },
  ],
  dataAccuracy: {
    matchPoints: ['name', 'dateOfBirth', 'postcode'],
    description: 'Three-point automated match against the school census (fn 65)',
  },
  sopReferences: ['RP team written guidance for Operation BORTZ (¶6.103)'],
  processMaps: ['Agreed process map for duplicate requests and statistics (¶6.106)'],
  seniorOwners: [
    {
      party: 'home-office-ie',
      name: 'Head of Removals Casework',
      role: 'Senior owner',
      email: 'removals-casework@homeoffice.example',
    },
    { party: 'dfe', name: 'Head of Data Sharing', role: 'Senior owner', email: 'data-sharing@education.example' },
  ],
  communication: 'Monthly batch on the penultimate Friday; results returned within 10 working days (¶6.110)',
  feedback: 'One central register of requests and matches agreed after corrected PQ answers (¶6.106, fn 64)',
  review: {
    intervalMonths: 12,
    lastReviewedOn: '2016-10-01',
    nextReviewDue: '2017-10-01',
    improvementPlan: 'Consider a two-point match (¶6.111)',
  },
  namesOrganisations: ['home-office', 'dfe'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '1.0',
    signatures: [
      { party: 'home-office-ie', signatory: 'Director, Immigration Enforcement', signedOn: '2015-07-01' },
      { party: 'dfe', signatory: 'Director, DfE Data Group', signedOn: '2015-07-01' },
    ],
    inForceFrom: '2015-07-01',
    inForceTo: '2016-09-30',
    exchanges: [
      {
        exchange: 'dfe.child-trace',
        requesters: ['home-office-ie'],
        responder: 'dfe',
        requestFields: [...traceFields, 'subject.nationality'],
        responseFields: ['match', 'addresses'],
        lookbackYears: 5,
      },
    ],
    measures: [{ code: 'turnaround', description: 'Results within 10 working days', slaWorkingDays: 10 }],
    notes: 'Ad hoc manual searches; the referral carried nationality.',
  },
  {
    ...common,
    version: '2.0',
    signatures: [
      { party: 'home-office-ie', signatory: 'Director, Immigration Enforcement', signedOn: '2016-10-01' },
      { party: 'dfe', signatory: 'Director, DfE Data Group', signedOn: '2016-10-01' },
    ],
    inForceFrom: '2016-10-01',
    inForceTo: null,
    exchanges: [
      {
        exchange: 'dfe.child-trace',
        requesters: ['home-office-ie'],
        responder: 'dfe',
        requestFields: traceFields,
        responseFields: ['match', 'addresses'],
        lookbackYears: 5,
      },
    ],
    measures: [
      { code: 'turnaround', description: 'Results within 10 working days', slaWorkingDays: 10 },
      {
        code: 'monthly-cap',
        description: 'At most 300 requests a month, urgent safeguarding requests included (¶6.112)',
        monthlyCap: 300,
        exchanges: ['dfe.child-trace'],
      },
    ],
    notes: 'Amended October 2016: nationality removed from the referral; monthly automated batch (¶6.109).',
  },
  {
    ...common,
    agreementId: 'ie-dfe-ie-checks-mou',
    title: 'IE – DfE checks MoU',
    version: '2.3',
    draftedOn: '2017-03-01',
    signatures: [],
    inForceFrom: null,
    inForceTo: null,
    exchanges: [
      {
        exchange: 'dfe.child-trace',
        requesters: ['home-office-ie'],
        responder: 'dfe',
        requestFields: traceFields,
        responseFields: ['match', 'addresses'],
        lookbackYears: 5,
      },
    ],
    measures: [
      {
        code: 'monthly-cap',
        description: 'At most 300 requests a month',
        monthlyCap: 300,
        exchanges: ['dfe.child-trace'],
      },
    ],
    notes: 'Drafted March 2017; at version 2.3 in June 2018 and signed by neither party (¶6.113).',
  },
];
