// The Home Office – NHS Digital MoU: tracing people through non-medical patient data (¶3.22, ¶5.32–5.36).
// The report gives months, not days (January 2017, renewed December 2017): the first of the month stands in.
// The narrowing of 9 May 2018 took effect at once, before any updated MoU was sent to the Committee (¶5.36): it is
// the directive 'nhs-digital-mou-narrowing' in directives.ts, and the December 2017 text remains the signed one.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'ho-nhs-digital-tracing',
  reportRef: '–',
  title: 'NHS Digital tracing MoU',
  purpose:
    'The Home Office asks NHS Digital for the latest registered address of a person it needs to trace, non-medical data only and only when other reasonable efforts have failed; since 9 May 2018 only for deportation after serious crime, non-conducive presence, or a missing vulnerable person.',
  kind: 'bau',
  directorate: 'Immigration Enforcement',
  owner: {
    name: 'Not named in the report',
    role: 'Home Office owner of the NHS Digital MoU',
    email: 'nhs-digital-mou@homeoffice.example',
  },
  parties: ['home-office', 'nhs-digital'],
  startsOn: '2017-01-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'ho-nhs-digital-tracing-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Home Office – NHS Digital MoU: non-medical data for immigration tracing',
  },
];

const common = {
  agreementId: 'ho-nhs-digital-tracing-mou',
  title: 'Home Office – NHS Digital MoU: non-medical data for immigration tracing',
  kind: 'mou',
  parties: ['home-office', 'nhs-digital'],
  suspensions: [],
  terminatedOn: null,
  // Its legal and ethical bases were challenged (¶3.22), but the report does not name them. The Home Office's power
  // to receive the information for immigration purposes is in public legislation.
  legalBases: [
    {
      code: 'iaa-1999-s20',
      statute: 'Immigration and Asylum Act 1999',
      section: 's.20 (supply of information to the Secretary of State for immigration purposes)',
      source:
        'Public legislation: https://www.legislation.gov.uk/ukpga/1999/33/section/20. The report names no basis (¶3.22, ¶5.32)',
    },
  ],
  purposes: [
    {
      code: 'trace-immigration-offender',
      description:
        'Trace a person believed to be an immigration offender when other reasonable efforts have failed (fn 32); outside the narrowed scope from 9 May 2018',
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'deportation-serious-criminal-offence',
      description:
        'Trace a person being considered for deportation after conviction for a serious criminal offence, a sentence of at least 12 months (¶5.36, fn 36)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'presence-not-conducive',
      description:
        'Trace a person whose presence is not conducive to the public good, e.g. a risk to public security not yet convicted (¶5.36)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'missing-vulnerable-person-welfare',
      description: 'Trace a missing person, child or adult, out of concern for their welfare and safety (¶5.36)',
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    { party: 'home-office', seeks: 'Current addresses of people it cannot otherwise locate (¶5.32, fn 32)' },
    { party: 'nhs-digital', seeks: 'Only non-medical data shared, on requests it is persuaded are justified (fn 32)' },
  ],
  exchanges: [exchangeTerms('nhs.trace-request', ['home-office'], 'nhs-digital')],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  seniorOwners: [
    {
      party: 'nhs-digital',
      name: 'Chief Executive, NHS Digital',
      role: 'Answered to the Health and Social Care Committee for the MoU (fn 32)',
      email: 'ceo-office@nhs-digital.example',
    },
  ],
  communication: null,
  feedback: null,
  measures: [
    {
      code: 'trace-outcomes',
      description:
        'Requests processed, rejected, traced (same or different address), deceased, not traced; e.g. November 2017: 623 processed, 30 rejected, 257 traced at the same address, 228 at a different one, 1 deceased, 107 not traced (fn 32)',
    },
  ],
  namesOrganisations: ['home-office', 'nhs-digital'],
} satisfies Partial<AgreementVersion>;

const signed = (on: string) => [
  { party: 'home-office', signatory: 'Home Office (signatory not named in the report)', signedOn: on },
  { party: 'nhs-digital', signatory: 'NHS Digital (signatory not named in the report)', signedOn: on },
];

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2017-01',
    signatures: signed('2017-01-01'),
    inForceFrom: '2017-01-01',
    inForceTo: '2017-11-30',
    review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
    notes: 'Formalised existing practice; NHS debtor data was never covered by it (¶5.32).',
  },
  {
    ...common,
    version: '2017-12',
    signatures: signed('2017-12-01'),
    inForceFrom: '2017-12-01',
    inForceTo: null,
    review: {
      intervalMonths: null,
      lastReviewedOn: '2017-12-01',
      nextReviewDue: null,
      improvementPlan:
        'A joint formal audit of operations and governance was promised on renewal (¶5.33) and later dropped from the 2018-19 audit plan (fn 33)',
    },
    notes:
      'Renewed December 2017 (¶5.33). Narrowed with immediate effect on 9 May 2018 (directive nhs-digital-mou-narrowing, ¶5.35–5.36); the updated MoU promised to the Committee is not in the report. Never medical information (¶5.31).',
  },
];
