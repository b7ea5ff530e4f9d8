// The rules that follow directives and partner-specific law, table-driven against the default register's
// directives (the Windrush pause, the financial-services restriction, the NHS Digital narrowing).
import { describe, expect, it } from 'vitest';
import { directives, financialServicesRestriction, nhsDigitalNarrowing, windrushPause as pause, windrushReferral } from '../../../mou-registry/default-register/directives.ts';
import type { AgreementVersion, Purpose } from '../../../mou-registry/types.ts';
import { unknownSubject, type Facts, type Rule, type RuleOutcome } from '../types.ts';
import { debtorThreshold } from './debtor-threshold.ts';
import { direction } from './direction.ts';
import { financialServicesAge } from './financial-services-age.ts';
import { matchQuality } from './match-quality.ts';
import { nhsNarrowedScope } from './nhs-narrowed-scope.ts';
import { nhsNonClinical } from './nhs-non-clinical.ts';
import { windrushPause } from './windrush-pause.ts';

const proactive: Purpose = { code: 'notify-status-change', description: 'd', mode: 'proactive', compliantEnvironment: true };
const reactive: Purpose = { code: 'check-entitlement', description: 'd', mode: 'reactive', compliantEnvironment: false };

function agreementFor(exchange: string, purposes: Purpose[], extra: Partial<AgreementVersion> = {}): AgreementVersion {
  return {
    agreementId: 'a', version: '1', title: 'A', kind: 'mou', parties: ['home-office', 'hmrc'], signatures: [], inForceFrom: '2015-01-01', inForceTo: null,
    suspensions: [], terminatedOn: null, legalBases: [], purposes, partyAims: [], dataAccuracy: null, sopReferences: [], processMaps: [],
    exchanges: [{ exchange, requesters: ['home-office'], responder: 'hmrc', requestFields: [], responseFields: [] }],
    seniorOwners: [], communication: null, feedback: null, measures: [], namesOrganisations: [], notes: null,
    review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null }, ...extra,
  };
}

function facts(exchange: string, mode: 'proactive' | 'reactive', day: string, change: Partial<Facts> = {}, data: Record<string, unknown> = {}, fields: string[] = []): Facts {
  const purposes = [mode === 'proactive' ? proactive : reactive, { code: 'missing-vulnerable-person-welfare', description: 'd', mode: 'reactive' as const, compliantEnvironment: false },
    { code: 'deportation-serious-criminal-offence', description: 'd', mode: 'reactive' as const, compliantEnvironment: false }];
  return {
    decisionDate: day,
    caller: { clientId: 'c', party: 'home-office' },
    exchange: { id: exchange, partner: 'hmrc', direction: 'outbound', mode },
    request: { purpose: (data.purpose as string) ?? purposes[0]!.code, legalBasis: 'x', dataFields: fields, data },
    agreement: agreementFor(exchange, purposes),
    directives: directives.filter((d) => d.effectiveFrom <= day && (d.effectiveTo === null || day <= d.effectiveTo)),
    subject: unknownSubject,
    counters: { usedThisMonth: 0 },
    ...change,
  };
}

const born = (dateOfBirth: string, more: Partial<Facts['subject']> = {}) => ({ subject: { ...unknownSubject, dateOfBirth, ...more } });
const notify = 'hmrc.proactive-notification';

const table: [string, Rule, Facts, RuleOutcome, RegExp][] = [
  // ¶5.42–5.43: proactive sharing about people over 30 paused from 23 April 2018.
  ['pause: 45-year-old, before the pause', windrushPause, facts(notify, 'proactive', '2018-04-01', born('1973-01-15')), 'not-applicable', /No Windrush directive/],
  ['pause: 45-year-old, during the pause', windrushPause, facts(notify, 'proactive', '2018-05-01', born('1973-01-15')), 'deny', /is 45 on 2018-05-01/],
  ['pause: the day before a 30th birthday', windrushPause, facts(notify, 'proactive', '2018-04-30', born('1988-05-01')), 'permit', /under 30/],
  ['pause: on the 30th birthday', windrushPause, facts(notify, 'proactive', '2018-05-01', born('1988-05-01')), 'deny', /is 30 on 2018-05-01/],
  ['pause: age unknown', windrushPause, facts(notify, 'proactive', '2018-05-01'), 'deny', /cannot be established/],
  ['pause: reactive check of a Windrush elder', windrushPause, facts('hmrc.status-check', 'reactive', '2018-05-01', born('1948-06-02', { windrushProfile: true })), 'permit', /Windrush Taskforce/],
  ['pause: reactive check, no profile', windrushPause, facts('hmrc.status-check', 'reactive', '2018-05-01', born('1990-06-02', { windrushProfile: false })), 'permit', /no Windrush profile/],
  // ¶5.43: financial services only about under-30s facing deportation for criminal offending.
  ['financial: 26-year-old offender', financialServicesAge, facts('financial.status-share', 'proactive', '2026-11-23', born('2000-02-10', { facingDeportationForCriminalOffence: true }), { reason: 'facing-deportation-for-criminal-offence' }), 'permit', /is 26/],
  ['financial: offender on 30th birthday', financialServicesAge, facts('financial.status-share', 'proactive', '2030-02-10', born('2000-02-10', { facingDeportationForCriminalOffence: true }), { reason: 'facing-deportation-for-criminal-offence' }), 'deny', /is 30/],
  ['financial: under 30 but not an offender', financialServicesAge, facts('financial.status-share', 'proactive', '2026-11-23', born('2000-02-10', { facingDeportationForCriminalOffence: false }), { reason: 'facing-deportation-for-criminal-offence' }), 'deny', /facing deportation/],
  ['financial: before the restriction', financialServicesAge, facts('financial.status-share', 'proactive', '2018-01-01', born('1960-02-10')), 'not-applicable', /No financial-services/],
  // ¶5.36, fn 32, fn 36: NHS Digital narrowing from 9 May 2018.
  ['nhs narrowing: before 9 May 2018, any purpose', nhsNarrowedScope, facts('nhs.trace-request', 'reactive', '2018-05-08', {}, { purpose: 'check-entitlement' }), 'not-applicable', /No narrowing/],
  ['nhs narrowing: after, purpose outside the three', nhsNarrowedScope, facts('nhs.trace-request', 'reactive', '2018-05-09', {}, { purpose: 'check-entitlement', trace: { otherEffortsFailed: true } }), 'deny', /allowed only for/],
  ['nhs narrowing: welfare, other efforts failed', nhsNarrowedScope, facts('nhs.trace-request', 'reactive', '2018-05-09', {}, { purpose: 'missing-vulnerable-person-welfare', trace: { otherEffortsFailed: true } }), 'permit', /narrowed purposes/],
  ['nhs narrowing: welfare, other efforts not tried', nhsNarrowedScope, facts('nhs.trace-request', 'reactive', '2018-05-09', {}, { purpose: 'missing-vulnerable-person-welfare', trace: { otherEffortsFailed: false } }), 'deny', /other reasonable efforts/],
  ['nhs narrowing: deportation, 6-month sentence', nhsNarrowedScope, facts('nhs.trace-request', 'reactive', '2018-06-01', {}, { purpose: 'deportation-serious-criminal-offence', trace: { otherEffortsFailed: true, sentenceMonths: 6 } }), 'deny', /at least 12 months/],
  ['nhs narrowing: deportation, 18-month sentence', nhsNarrowedScope, facts('nhs.trace-request', 'reactive', '2018-06-01', {}, { purpose: 'deportation-serious-criminal-offence', trace: { otherEffortsFailed: true, sentenceMonths: 18 } }), 'permit', /narrowed/],
  // ¶5.31, ¶6.153: non-clinical only.
  ['non-clinical: debtor fields', nhsNonClinical, facts('nhs.debtor-return', 'reactive', '2026-11-23', {}, {}, ['debt.amountPence', 'subject.dateOfBirth']), 'permit', /non-clinical/],
  ['non-clinical: a diagnosis field', nhsNonClinical, facts('nhs.debtor-return', 'reactive', '2026-11-23', {}, {}, ['debt.amountPence', 'treatment.diagnosis']), 'deny', /treatment\.diagnosis/],
  ['non-clinical: other partners', nhsNonClinical, facts(notify, 'proactive', '2026-11-23'), 'not-applicable', /NHS exchanges only/],
  // ¶6.146–6.150: debtor threshold.
  ['debtor: non-EEA £650 for 3 months', debtorThreshold, facts('nhs.debtor-return', 'reactive', '2026-11-23', { subject: { ...unknownSubject, eeaNational: false } }, { debt: { amountPence: 65_000, invoicedOn: '2026-08-20' } }), 'permit', /meets the threshold/],
  ['debtor: EEA national', debtorThreshold, facts('nhs.debtor-return', 'reactive', '2026-11-23', { subject: { ...unknownSubject, eeaNational: true } }, { debt: { amountPence: 80_000, invoicedOn: '2026-07-01' } }), 'deny', /EEA national/],
  ['debtor: £499.99', debtorThreshold, facts('nhs.debtor-return', 'reactive', '2026-11-23', { subject: { ...unknownSubject, eeaNational: false } }, { debt: { amountPence: 49_999, invoicedOn: '2026-01-01' } }), 'deny', /at least £500/],
  ['debtor: only 6 weeks outstanding', debtorThreshold, facts('nhs.debtor-return', 'reactive', '2026-11-23', { subject: { ...unknownSubject, eeaNational: false } }, { debt: { amountPence: 90_000, invoicedOn: '2026-10-10' } }), 'deny', /2 months/],
  ['debtor: £800 in 2015 (then £1,000)', debtorThreshold, facts('nhs.debtor-return', 'reactive', '2015-11-23', { subject: { ...unknownSubject, eeaNational: false } }, { debt: { amountPence: 80_000, invoicedOn: '2015-01-01' } }), 'deny', /at least £1000/],
  // Direction and match quality.
  ['direction: proactive notification under a proactive purpose', direction, facts(notify, 'proactive', '2026-11-23'), 'permit', /proactive/],
  ['direction: proactive notification under a reactive purpose', direction, { ...facts(notify, 'proactive', '2026-11-23'), request: { ...facts(notify, 'proactive', '2026-11-23').request, purpose: 'missing-vulnerable-person-welfare' } }, 'deny', /stated purpose is reactive/],
  ['match quality: all points', matchQuality, facts('dfe.child-trace', 'reactive', '2026-11-23', { agreement: agreementFor('dfe.child-trace', [reactive], { dataAccuracy: { matchPoints: ['name', 'dateOfBirth', 'postcode'], description: 'd' } }) }, {}, ['subject.forename', 'subject.surname', 'subject.dateOfBirth', 'subject.postcode']), 'permit', /every agreed match point/],
  ['match quality: postcode missing', matchQuality, facts('dfe.child-trace', 'reactive', '2026-11-23', { agreement: agreementFor('dfe.child-trace', [reactive], { dataAccuracy: { matchPoints: ['name', 'dateOfBirth', 'postcode'], description: 'd' } }) }, {}, ['subject.forename', 'subject.surname', 'subject.dateOfBirth']), 'deny', /lacks postcode/],
  ['match quality: batch items', matchQuality, facts('dwp.nino-alignment', 'reactive', '2026-11-23', { agreement: agreementFor('dwp.nino-alignment', [reactive], { dataAccuracy: { matchPoints: ['name', 'dateOfBirth'], description: 'd' } }) }, {}, ['grants[].forename', 'grants[].surname', 'grants[].dateOfBirth']), 'permit', /every agreed/],
];

describe('directive and partner rules', () => {
  it('use the register\'s own directives', () => {
    expect([pause.id, windrushReferral.id, financialServicesRestriction.id, nhsDigitalNarrowing.id].every((id) => directives.some((d) => d.id === id))).toBe(true);
  });
  it.each(table)('%s', (_name, rule, input, outcome, reason) => {
    const result = rule(input);
    expect(result.reason).toMatch(reason);
    expect(result.outcome).toBe(outcome);
  });
  it('obliges a Windrush Taskforce referral for a reactive check on a Windrush profile', () => {
    const result = windrushPause(facts('hmrc.status-check', 'reactive', '2018-05-01', born('1948-06-02', { windrushProfile: true })));
    expect(result.obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
  });
});
