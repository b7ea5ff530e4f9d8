// Collaboration 1: Project WALKS, IE officers at DWP's Cityside NINo interview office (¶6.8–6.28).
// The report gives months for the project report (August 2016): the first of the month stands in for the day.
// Run on an operational briefing, not an agreement: the version below records that briefing, signed by no one,
// with no legal basis and no performance measures, so that the register shows what was missing (¶6.11, ¶6.19).
import type { Agreement, AgreementVersion, Collaboration } from '../types.ts';

export const collaboration: Collaboration = {
  id: 'ie-dwp-project-walks',
  reportRef: '1',
  title: 'Project WALKS',
  purpose:
    'A two-week project placing IE officers at DWP Cityside to count how many NINo applicants were of interest to IE and to advise DWP interviewers on documents and immigration status.',
  kind: 'operation',
  directorate: 'Immigration Enforcement',
  owner: {
    name: 'ICE team senior manager, East London',
    role: 'Project lead',
    email: 'east-london-ice@homeoffice.example',
  },
  parties: ['home-office-ie', 'dwp'],
  startsOn: '2016-06-20',
  endsOn: '2016-07-01',
  status: 'closed',
};

export const agreements: Agreement[] = [
  {
    id: 'ie-dwp-project-walks-briefing',
    collaborationId: collaboration.id,
    kind: 'mou',
    title: 'Project WALKS operational briefing (no MoU)',
  },
];

const common = {
  agreementId: 'ie-dwp-project-walks-briefing',
  title: 'Project WALKS operational briefing (no MoU)',
  kind: 'mou',
  parties: ['home-office-ie', 'dwp'],
  suspensions: [],
  terminatedOn: null,
  legalBases: [],
  purposes: [
    {
      code: 'quantify-nino-applicants-of-interest',
      description: 'Count the NINo applicants interviewed by DWP who may be of interest to IE',
      mode: 'reactive',
      compliantEnvironment: false,
    },
    {
      code: 'advise-on-documents-and-status',
      description:
        'Advise DWP interviewing officers on documents and immigration status, and identify immigration offenders seeking a NINo',
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  partyAims: [
    {
      party: 'home-office-ie',
      seeks: 'To know whether NINo applicants are a stream of intelligence worth more IE resource (¶6.11)',
    },
    { party: 'dwp', seeks: 'Advice on documents and status at interview (¶6.11)' },
  ],
  dataAccuracy: null,
  sopReferences: ['Operational briefing for Project WALKS (¶6.11, ¶6.16)'],
  processMaps: [],
  seniorOwners: [
    {
      party: 'home-office-ie',
      name: 'ICE team senior manager, East London',
      role: 'Project lead, approved by a Grade 7 (¶6.13)',
      email: 'east-london-ice@homeoffice.example',
    },
    {
      party: 'dwp',
      name: 'DWP Senior Operations Manager, Cityside',
      role: 'DWP lead (¶6.9–6.10)',
      email: 'cityside-operations@dwp.example',
    },
  ],
  communication:
    'IE officers briefed before deployment; DWP interviewers told they could approach IE officers directly (¶6.15–6.16)',
  feedback: null,
  measures: [],
  review: {
    intervalMonths: null,
    lastReviewedOn: '2016-08-01',
    nextReviewDue: null,
    improvementPlan:
      'A Proof of Concept for arresting fraudulent NINo applicants at first encounter, still under discussion in 2018 (¶6.27–6.28)',
  },
  namesOrganisations: ['home-office', 'dwp'],
} satisfies Partial<AgreementVersion>;

export const versions: AgreementVersion[] = [
  {
    ...common,
    version: '1.0',
    signatures: [],
    inForceFrom: null,
    inForceTo: null,
    // IE officers checked CID on tablets at the interview desk; nothing passed through a data exchange (¶6.12).
    exchanges: [],
    notes:
      'Ran 20 June – 1 July 2016 on an operational briefing that neither party signed and that states no legal basis. No quantitative measures were set; 503 cases were referred, 15 of interest to IE: 4 false Italian ID cards, 1 suspected facilitator, 5 likely immigration offenders, 5 suspected sham marriages (¶6.19). Project report August 2016 (¶6.26).',
  },
];
