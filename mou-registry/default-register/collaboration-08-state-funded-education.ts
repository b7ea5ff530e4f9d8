// Collaboration 8: entitlement to state-funded education, schools and LEAs asking about parents (¶6.114–6.126).
// The report gives only a year for when the process began (2013, ¶6.115): its first day stands in, also for the
// umbrella MoU, whose date and version the report does not give.
// No specific MoU: the collaboration "is covered by an umbrella MoU between the Home Office and DfE" (¶6.117), and
// DAST answers about 20 enquiries a month (¶6.122). Schools and LEAs, who actually ask, signed nothing themselves:
// their "signatures" record that the umbrella MoU covers them, with a signatory beginning "No signatory:".
// Neither the report nor legislation we could find names a legal gateway for the Home Office's answers, so the
// version names none and the legal-basis rule refuses every check, saying so: the report's finding made visible.
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';

export const collaboration: Collaboration = {
  id: 'isd-dfe-state-funded-education',
  reportRef: '8',
  title: 'Entitlement to state-funded education',
  purpose:
    "Schools and Local Education Authorities ask the Home Office about a parent's immigration status; the reply gives the type and validity of leave only, never a name, identifying particulars or a view on the child's entitlement.",
  kind: 'bau',
  directorate: 'Immigration Enforcement (Interventions and Sanctions Directorate)',
  owner: {
    name: 'Data and Sanctions Team (DAST)',
    role: 'I&SD DfE Referrals inbox; no senior owner (¶6.121)',
    email: 'isd-dfe-referrals@homeoffice.example',
  },
  parties: ['home-office', 'dfe', 'local-education-authorities', 'state-funded-schools'],
  startsOn: '2013-01-01',
  endsOn: null,
  status: 'active',
};

export const agreements: Agreement[] = [
  {
    id: 'home-office-dfe-umbrella-mou',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Home Office – DfE umbrella data-sharing MoU',
  },
];

const common = {
  agreementId: 'home-office-dfe-umbrella-mou',
  title: 'Home Office – DfE umbrella data-sharing MoU',
  kind: 'mou',
  parties: ['home-office', 'dfe', 'local-education-authorities', 'state-funded-schools'],
  suspensions: [],
  terminatedOn: null,
  // Disclosure was cleared with the Departmental Security Unit on condition that replies carry no name or
  // identifying particulars (¶6.115); the report names no statute, and no gateway was found in legislation.
  legalBases: [],
  purposes: [
    {
      code: 'confirm-parent-leave',
      description:
        "Tell a school or LEA the type and validity of a parent's leave; entitlement is DfE's to decide, and every child may have a state education (¶6.120)",
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  // "No documentary evidence" that objectives were discussed and agreed (¶6.116).
  partyAims: [],
  dataAccuracy: null,
  // No agreed process map or methodology (¶6.117); DAST's own instructions and the gov.uk page are in the notes.
  sopReferences: [],
  processMaps: [],
  seniorOwners: [],
  communication: null,
  feedback: null,
  measures: [
    {
      code: 'enquiries-answered',
      description: 'About 20 enquiries a month from schools and LEAs, answered by DAST (¶6.122)',
    },
    {
      code: 'response-time',
      description:
        'Reply to schools and LEAs within 48 hours (¶6.120); no evidence that it is measured or evaluated (¶6.125)',
      slaHours: 48,
      exchanges: ['dfe.education-status-check'],
    },
  ],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
  namesOrganisations: ['home-office', 'dfe'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '1.0',
    signatures: [
      { party: 'home-office', signatory: 'Home Office (signatory and date not in the report)', signedOn: '2013-01-01' },
      { party: 'dfe', signatory: 'DfE (signatory and date not in the report)', signedOn: '2013-01-01' },
      {
        party: 'local-education-authorities',
        signatory:
          'No signatory: LEAs signed nothing; the Home Office – DfE umbrella MoU covers their enquiries (¶6.117)',
        signedOn: '2013-01-01',
      },
      {
        party: 'state-funded-schools',
        signatory:
          'No signatory: schools signed nothing; the Home Office – DfE umbrella MoU covers their enquiries (¶6.117)',
        signedOn: '2013-01-01',
      },
    ],
    inForceFrom: '2013-01-01',
    inForceTo: null,
    exchanges: [
      exchangeTerms(
        'dfe.education-status-check',
        ['local-education-authorities', 'state-funded-schools'],
        'home-office',
      ),
    ],
    notes:
      'Schools and LEAs email a dedicated inbox named on a joint gov.uk page (March 2014, updated November 2017); DAST has clear internal instructions and answers about 20 a month (¶6.118–6.122); the gateway refuses them, as no legal gateway is named. One named UKVI contact holds the relationship (¶6.123). No evaluation since 2013 and no formal review (¶6.125–6.126).',
  },
];
