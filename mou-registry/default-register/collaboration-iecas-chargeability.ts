// IECAS chargeability checks: registered NHS Trusts check a patient's immigration status (¶6.160–6.162, ¶6.185).
// The report gives only a year for the service's start (2016, after a pilot): its first day stands in.
// Each Trust signs its own MoU with the Home Office: 45 Trusts had signed by 18 June 2018 (¶6.160), which the
// collaboration's purpose and the 'trusts-signed' measure say. The four Trusts and signing dates below are samples
// (the report names none); one sample Trust has not signed, so its checks are refused.
import type { Agreement, AgreementVersion, Collaboration, PartyId } from '../types.ts';
import { exchangeTerms } from './exchange-fields.ts';
import { sampleTrusts } from './parties.ts';

export const collaboration: Collaboration = {
  id: 'ie-nhs-iecas-chargeability',
  reportRef: '–',
  title: 'IECAS chargeability checks',
  purpose:
    "NHS Trusts' Overseas Visitors Managers check a patient's immigration status with the Immigration Enforcement Checking and Advisory Service, by telephone or email, so the Trust can decide whether to charge; the Home Office does not decide chargeability. 45 Trusts had signed an individual MoU with the Home Office by 18 June 2018 (¶6.160).",
  kind: 'bau',
  directorate: 'Immigration Enforcement (IECAS)',
  owner: {
    name: 'IECAS management',
    role: 'Runs the helpline and email checking service (¶6.160–6.161)',
    email: 'iecas@homeoffice.example',
  },
  parties: ['home-office-ie', ...sampleTrusts],
  startsOn: '2016-01-01',
  endsOn: null,
  status: 'active',
};

/** When each sample Trust signed its own MoU; null: drafted, never signed. */
const signedOn: Record<PartyId, string | null> = {
  'nhs-trust-guys-st-thomas': '2016-06-01',
  'nhs-trust-lewisham-greenwich': '2016-06-01',
  'nhs-trust-kings-college': '2017-09-01',
  'nhs-trust-wealdbridge': null,
};

const agreementIdOf = (trust: PartyId) => `iecas-mou-${trust}`;
const titleOf = (trust: PartyId) => `IECAS checking service MoU: Home Office – ${trust}`;

export const agreements: Agreement[] = sampleTrusts.map((trust) => ({
  id: agreementIdOf(trust),
  collaborationId: collaboration.id,
  kind: 'mou',
  title: titleOf(trust),
}));

const common = {
  kind: 'mou',
  suspensions: [],
  terminatedOn: null,
  // The duty the Trust acts under: "since 1982 the NHS has had a statutory obligation to make and recover
  // charges" (¶6.143). The report does not name the instrument; in England it is the 2015 charging regulations.
  legalBases: [
    {
      code: 'nhs-overseas-visitor-charging',
      statute: 'National Health Service (Charges to Overseas Visitors) Regulations 2015 (SI 2015/238)',
      section: "reg. 3 (the Trust's duty to make and recover charges from overseas visitors)",
      source:
        'Public legislation: https://www.legislation.gov.uk/uksi/2015/238/regulation/3. The report names the duty, not the instrument (¶6.143)',
    },
  ],
  purposes: [
    {
      code: 'establish-chargeability',
      description:
        "Give a registered Trust a patient's immigration status so that the Trust can decide whether to charge; the Home Office does not say whether to charge (¶6.160, fn 69)",
      mode: 'reactive',
      compliantEnvironment: false,
    },
  ],
  dataAccuracy: null,
  sopReferences: ['Email checking template developed jointly by the Home Office and DHSC (fn 70)'],
  processMaps: [],
  communication: "Local Partnership Managers engage Trusts' Overseas Visitors Managers (¶6.163)",
  feedback: null,
  measures: [
    {
      code: 'trusts-signed',
      description:
        '45 Trusts had signed their own MoU with the Home Office by 18 June 2018 (¶6.160); the sandbox registers four sample Trusts',
    },
    {
      code: 'helpline-hours',
      description:
        'Telephone helpline 09:00–17:00, Monday to Friday, at 80 pence a minute; about 50 calls a day (¶6.160)',
    },
    {
      code: 'email-response',
      description: 'Email checks answered within 5 working days, too slow for a patient about to leave (¶6.162)',
      slaWorkingDays: 5,
      exchanges: ['nhs.chargeability-check'],
    },
  ],
  review: {
    intervalMonths: null,
    lastReviewedOn: null,
    nextReviewDue: null,
    improvementPlan:
      'Scripts for IECAS staff; training for NHS staff on immigration documents (¶6.161); faster email answers (¶6.186)',
  },
} satisfies Partial<AgreementVersion>;

function trustMou(trust: PartyId): AgreementVersion {
  const day = signedOn[trust] ?? null;
  return {
    ...common,
    agreementId: agreementIdOf(trust),
    title: titleOf(trust),
    version: '1.0',
    parties: ['home-office-ie', trust],
    signatures:
      day === null
        ? []
        : [
            { party: 'home-office-ie', signatory: 'IECAS, Immigration Enforcement (sample)', signedOn: day },
            { party: trust, signatory: 'Trust Overseas Visitors Manager (sample)', signedOn: day },
          ],
    inForceFrom: day,
    inForceTo: null,
    partyAims: [
      { party: 'home-office-ie', seeks: 'Trusts charging patients who are not entitled to free care (¶6.163)' },
      {
        party: trust,
        seeks: 'A quick, straight answer on status while the patient is still in hospital (¶6.161–6.162)',
      },
    ],
    exchanges: [exchangeTerms('nhs.chargeability-check', [trust], 'home-office-ie')],
    seniorOwners: [
      {
        party: 'home-office-ie',
        name: 'IECAS management',
        role: 'Home Office owner of the checking service',
        email: 'iecas@homeoffice.example',
      },
      {
        party: trust,
        name: 'Overseas Visitors Manager',
        role: 'Trust owner of the checks (¶6.156)',
        email: `ovm@${trust.replace('nhs-trust-', '')}.nhs.example`,
      },
    ],
    namesOrganisations: ['home-office', trust],
    notes:
      day === null
        ? 'Sample: a Trust that has not signed its own MoU, so it may not use the checking service (¶6.160, ¶6.185).'
        : 'Sample Trust MoU; the report names no Trusts or dates (¶6.160). Never medical information (¶5.31).',
  };
}

export const versions: AgreementVersion[] = sampleTrusts.map(trustMou);
