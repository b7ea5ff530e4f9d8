import type { Party } from '../types.ts';

export const parties: Party[] = [
  { id: 'home-office', name: 'Home Office', kind: 'department', defunctSince: null },
  { id: 'home-office-ie', name: 'Home Office Immigration Enforcement', kind: 'directorate', defunctSince: null },
  { id: 'home-office-ukvi', name: 'UK Visas and Immigration', kind: 'directorate', defunctSince: null },
  { id: 'home-office-bf', name: 'Border Force', kind: 'directorate', defunctSince: null },
  // Abolished in March 2013; the free-school-meals MoU still bore its name in 2018 (¶6.130).
  { id: 'ukba', name: 'UK Border Agency', kind: 'agency', defunctSince: '2013-03-31' },
  { id: 'dfe', name: 'Department for Education', kind: 'department', defunctSince: null },
  { id: 'dwp', name: 'Department for Work and Pensions', kind: 'department', defunctSince: null },
  { id: 'hmrc', name: 'HM Revenue and Customs', kind: 'department', defunctSince: null },
  { id: 'dhsc', name: 'Department of Health and Social Care', kind: 'department', defunctSince: null },
  { id: 'nhs-digital', name: 'NHS Digital', kind: 'nhs-body', defunctSince: null },
  { id: 'nca', name: 'National Crime Agency', kind: 'agency', defunctSince: null },
];
