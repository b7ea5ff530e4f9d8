// Time-bounded directives that override agreements: each can be extended, changed or lifted, and a decision follows
// the one in force on its day. The conditions are read by the policy rules; their parameters are spelt out here so
// that no rule has to guess.
import type { Directive } from '../types.ts';

/** Commonwealth citizens settled in the UK before 1 January 1973: the Windrush generation. */
export const windrushSettledBefore = '1973-01-01';

// Who is "over 30"? ¶5.43 says information on "persons over the age of 30 is not shared" and that financial sharing
// covers "only those under the age of 30". Read together they divide people at the 30th birthday: a person who is
// exactly 30 is not "under 30", and treating them as outside the pause as well would leave one age exposed to
// proactive sharing yet barred from financial sharing. The pause exists to keep Windrush-generation migrants from
// harm (¶5.43), so in doubt it protects: the pause covers everyone aged 30 or more on the day of the decision, and
// anyone whose date of birth is not known.
export const windrushPause: Directive = {
  id: 'windrush-pause-2018',
  title: 'Windrush: pause of proactive compliant-environment data sharing about people over 30 (HMRC, DWP, DVLA)',
  authority: 'Home Secretary: ordered by the previous Home Secretary from 23 April 2018, announced 10 July 2018',
  scope: {
    exchanges: ['dwp.proactive-notification', 'hmrc.proactive-notification'],
    purposeMode: 'proactive',
    compliantEnvironment: true,
  },
  condition: { kind: 'pause-over-age', age: 30, atExactAge: 'paused', whenAgeUnknown: 'paused' },
  effectiveFrom: '2018-04-23',
  // Announced "for a period of three months", still in force in September 2018 with no review date (¶5.43).
  effectiveTo: null,
  reference: '¶1.3, ¶3.23–3.24, fn 13, ¶5.42–5.43; NAO 1.11, 2.11',
};

// Reactive status checks continue under the pause; where the subject has a Windrush profile the case goes to the
// Windrush Taskforce and the partner is told (¶3.24, ¶6.56). These are the status checks the Home Office answers.
export const windrushReferral: Directive = {
  id: 'windrush-status-check-referral-2018',
  title: 'Windrush: status checks about someone with a Windrush profile are referred to the Windrush Taskforce',
  authority: 'Home Secretary: Home Office statement to inspectors (¶3.24, ¶6.56)',
  scope: {
    exchanges: ['dwp.status-check', 'hmrc.status-check', 'dfe.education-status-check', 'nhs.chargeability-check'],
    purposeMode: 'reactive',
  },
  condition: { kind: 'refer-windrush-profile', settledBefore: windrushSettledBefore },
  effectiveFrom: '2018-04-23',
  effectiveTo: null,
  reference: '¶3.24, ¶5.43, ¶6.56',
};

// "Under the age of 30" is strict: on the 30th birthday a person is no longer under 30 (see the pause above).
export const financialServicesRestriction: Directive = {
  id: 'windrush-financial-services-2018',
  title: 'Windrush: financial-services sharing only about people under 30 facing deportation for criminal offending',
  authority: "Home Secretary (¶5.43; the report gives no separate date, so the pause's 23 April 2018 is used)",
  scope: { exchanges: ['financial.status-share'] },
  condition: {
    kind: 'only-under-age-facing-deportation',
    age: 30,
    atExactAge: 'excluded',
    whenAgeUnknown: 'excluded',
    reasonField: 'reason',
    requiredReason: 'facing-deportation-for-criminal-offence',
  },
  effectiveFrom: '2018-04-23',
  effectiveTo: null,
  reference: '¶5.43',
};

// "With immediate effect" on 9 May 2018 the MoU may be used only for these three purposes (¶5.35–5.36), and, as
// before, only when other reasonable and appropriate efforts to locate the person have failed (fn 32).
export const nhsDigitalNarrowing: Directive = {
  id: 'nhs-digital-mou-narrowing',
  title: 'NHS Digital MoU narrowed to serious criminality, non-conducive presence and missing vulnerable people',
  authority: 'HM Government, announced to the Commons by the Minister for Digital on 9 May 2018 (¶5.35–5.36)',
  scope: { exchanges: ['nhs.trace-request'] },
  condition: {
    kind: 'allowed-purposes',
    purposes: ['deportation-serious-criminal-offence', 'presence-not-conducive', 'missing-vulnerable-person-welfare'],
    otherEffortsFailedRequired: true,
    otherEffortsFailedField: 'trace.otherEffortsFailed',
    // A serious criminal offence is one with a sentence of at least 12 months (fn 36).
    seriousOffenceMinimumSentenceMonths: 12,
    sentenceField: 'trace.sentenceMonths',
  },
  effectiveFrom: '2018-05-09',
  effectiveTo: null,
  reference: '¶3.22, ¶5.35–5.36, fn 32, fn 36',
};

export const directives: Directive[] = [
  windrushPause,
  windrushReferral,
  financialServicesRestriction,
  nhsDigitalNarrowing,
];
