// Status shares with banks and building societies under the Immigration Acts 2014 and 2016 (¶5.43).
// Not one of the report's examples; the report mentions it only as restricted since the Windrush pause. A statutory
// gateway has no signatories, so each party's "signature" records the first day the register relies on the Acts:
// 30 October 2017, when the current-account checks of ss.40A–40H came into force (the Immigration Act 2014
// (Current Accounts) Regulations 2016, outside the report).
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'financial-services-status-share',
  reportRef: '–',
  title: 'Status shares with banks and building societies',
  purpose:
    'The Home Office tells banks and building societies that a customer is a disqualified person, so that a current account is refused or closed; since 23 April 2018 only about people under 30 facing deportation for criminal offending.',
  kind: 'bau',
  directorate: 'Immigration Enforcement (Interventions and Sanctions Directorate)',
  owner: {
    name: 'Not named in the report',
    role: 'Home Office owner of financial-services data sharing',
    email: 'financial-status-share@homeoffice.example',
  },
  parties: ['home-office', 'financial-institutions'],
  startsOn: '2017-10-30',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'ia-2014-current-accounts',
    collaborationId: collaboration.id,
    kind: 'statutory-gateway',
    title: 'Immigration Acts 2014 and 2016: current accounts (no MoU)',
  },
];

const parties = ['home-office', 'financial-institutions'];
const statute = 'No signatory: Immigration Act 2014 ss.40–40H, as amended by the Immigration Act 2016';

const common = {
  agreementId: 'ia-2014-current-accounts',
  title: 'Immigration Acts 2014 and 2016: current accounts (no MoU)',
  kind: 'statutory-gateway',
  parties,
  suspensions: [],
  terminatedOn: null,
  legalBases: [
    {
      code: 'ia-2014-s40-40h',
      statute: 'Immigration Act 2014, as amended by the Immigration Act 2016 (s.45, Sch. 7)',
      section: 'ss.40–40H (current accounts)',
      source:
        'Public legislation: https://www.legislation.gov.uk/ukpga/2014/22/section/40 (ss.40A–40H inserted by the 2016 Act, Sch. 7). ICIBI inspection report ¶5.11–5.12 and ¶5.43 name the Acts, not the sections',
    },
  ],
  purposes: [
    {
      code: 'disqualified-person-current-account',
      description:
        'Tell a bank or building society that a customer is a disqualified person so that a current account is refused or closed (compliant environment, ¶5.43)',
      mode: 'proactive',
      compliantEnvironment: true,
    },
  ],
  partyAims: [{ party: 'home-office', seeks: 'No banking services for people with no leave (¶5.43)' }],
  dataAccuracy: null,
  sopReferences: [],
  processMaps: [],
  seniorOwners: [],
  communication: null,
  feedback: null,
  measures: [],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
  namesOrganisations: ['home-office'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '2017-10',
    signatures: parties.map((party) => ({ party, signatory: statute, signedOn: '2017-10-30' })),
    inForceFrom: '2017-10-30',
    inForceTo: null,
    exchanges: [exchangeTerms('financial.status-share', ['home-office'], 'financial-institutions')],
    notes:
      'Restricted from 23 April 2018 to people under 30 facing deportation for criminal offending (directive windrush-financial-services-2018, ¶5.43). The report says nothing else about this sharing.',
  },
];
