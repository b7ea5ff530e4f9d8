import type { Party } from '../types.ts';

export const parties: Party[] = [
  { id: 'home-office', name: 'Home Office', kind: 'department', defunctSince: null },
  { id: 'home-office-ie', name: 'Home Office Immigration Enforcement', kind: 'directorate', defunctSince: null },
  { id: 'home-office-ukvi', name: 'UK Visas and Immigration', kind: 'directorate', defunctSince: null },
  { id: 'home-office-bf', name: 'Border Force', kind: 'directorate', defunctSince: null },
  // Abolished in March 2013; the free-school-meals MoU still bore its name in 2018 (¶6.130).
  { id: 'ukba', name: 'UK Border Agency', kind: 'agency', defunctSince: '2013-03-31' },
  // "Disbanded in 2007" (fn 58); the report gives only the year, so its first day stands in. The Accessed Public
  // Funds MoU "probably still referred to the Immigration Service" (¶6.54).
  { id: 'uk-immigration-service', name: 'UK Immigration Service', kind: 'agency', defunctSince: '2007-01-01' },
  { id: 'dfe', name: 'Department for Education', kind: 'department', defunctSince: null },
  { id: 'dwp', name: 'Department for Work and Pensions', kind: 'department', defunctSince: null },
  { id: 'hmrc', name: 'HM Revenue and Customs', kind: 'department', defunctSince: null },
  { id: 'dhsc', name: 'Department of Health and Social Care', kind: 'department', defunctSince: null },
  { id: 'nhs-digital', name: 'NHS Digital', kind: 'nhs-body', defunctSince: null },
  { id: 'nca', name: 'National Crime Agency', kind: 'agency', defunctSince: null },
  // Named in the Windrush pause of proactive sharing (¶3.23, ¶5.42); no exchange with it passes through the gateway yet.
  { id: 'dvla', name: 'Driver and Vehicle Licensing Agency', kind: 'agency', defunctSince: null },
  // Schools and LEAs ask about parents' status directly (¶6.114–6.118); they stand here as classes, not one by one.
  {
    id: 'local-education-authorities',
    name: 'Local Education Authorities (England)',
    kind: 'local-authority',
    defunctSince: null,
  },
  { id: 'state-funded-schools', name: 'State-funded schools (England)', kind: 'school', defunctSince: null },
  // Banks and building societies under the Immigration Acts 2014 and 2016 (¶5.43).
  {
    id: 'financial-institutions',
    name: 'Banks and building societies',
    kind: 'financial-institution',
    defunctSince: null,
  },
  // Sample NHS Trusts. The report names none: 45 Trusts had their own IECAS MoU by 18 June 2018 (¶6.160) and
  // about 160 should send debtor returns (¶6.165). Which of these signed, and when, is illustrative.
  {
    id: 'nhs-trust-guys-st-thomas',
    name: "Guy's and St Thomas' NHS Foundation Trust",
    kind: 'nhs-body',
    defunctSince: null,
  },
  {
    id: 'nhs-trust-lewisham-greenwich',
    name: 'Lewisham and Greenwich NHS Trust',
    kind: 'nhs-body',
    defunctSince: null,
  },
  {
    id: 'nhs-trust-kings-college',
    name: "King's College Hospital NHS Foundation Trust",
    kind: 'nhs-body',
    defunctSince: null,
  },
  {
    id: 'nhs-trust-wealdbridge',
    name: 'Wealdbridge Hospitals NHS Trust (fictional sample)',
    kind: 'nhs-body',
    defunctSince: null,
  },
];

/** The sample Trusts above, for the agreements that list Trusts one by one. */
export const sampleTrusts = [
  'nhs-trust-guys-st-thomas',
  'nhs-trust-lewisham-greenwich',
  'nhs-trust-kings-college',
  'nhs-trust-wealdbridge',
];
