// windrush-pause: proactive compliant-environment sharing about anyone 30 or over is paused from 23 April 2018;
// reactive status checks continue, and a Windrush profile is referred to the Taskforce (¶3.23–3.24, ¶5.42–5.43).
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, recordsOf, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import {
  dwpStatusCheck,
  hmrcProactiveNotification,
  hmrcStatusCheck,
  ninoAlignment,
} from '../../../tests/support/requests.ts';
import { windrushPause } from './windrush-pause.ts';

const { turns30On2018_05_01: priya, windrushElder: clarence, offenderUnder30: ruan } = fixtures;
const notify = (person: typeof priya, day: string, subject = recordsOf(person)) =>
  factsFor('hmrc.proactive-notification', {
    party: 'home-office',
    day,
    request: hmrcProactiveNotification(person),
    subject,
  });
const fortyFive = { ...priya, dateOfBirth: '1973-01-15' };

const table: RuleCase[] = [
  [
    'a 45-year-old on 1 April 2018, before the pause',
    notify(fortyFive, '2018-04-01', { dateOfBirth: '1973-01-15' }),
    'not-applicable',
    /No Windrush directive in force/,
  ],
  [
    'the same 45-year-old on 1 May 2018',
    notify(fortyFive, '2018-05-01', { dateOfBirth: '1973-01-15' }),
    'deny',
    /the subject is 45 on 2018-05-01, so proactive sharing is paused/,
  ],
  [
    'Priya the day before her 30th birthday',
    notify(priya, '2018-04-30'),
    'permit',
    /under 30 on 2018-04-30; the pause does not apply/,
  ],
  ['Priya on her 30th birthday: 30 counts', notify(priya, '2018-05-01'), 'deny', /is 30 on 2018-05-01/],
  ['a 26-year-old today', notify(ruan, '2026-11-23'), 'permit', /under 30/],
  [
    'someone the records cannot date',
    notify(priya, '2026-11-23', {}),
    'deny',
    /age cannot be established, so sharing is paused/,
  ],
  [
    'a reactive check about a Windrush elder',
    factsFor('hmrc.status-check', {
      party: 'hmrc',
      day: '2018-05-01',
      request: hmrcStatusCheck(clarence),
      subject: recordsOf(clarence),
    }),
    'permit',
    /referred to the Windrush Taskforce and the partner told/,
  ],
  [
    'a reactive check about someone of 38 with no Windrush profile',
    factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(priya), subject: recordsOf(priya) }),
    'permit',
    /Reactive status checks continue; the subject has no Windrush profile/,
  ],
  [
    'a reactive check before the pause',
    factsFor('dwp.status-check', {
      party: 'dwp',
      day: '2018-04-01',
      request: dwpStatusCheck(clarence),
      subject: recordsOf(clarence),
    }),
    'not-applicable',
    /No Windrush directive/,
  ],
  // Volunteered so the migrant gets a NINo, not to cut anything off (¶6.44): outside the pause.
  [
    'NINo alignment of a 38-year-old',
    factsFor('dwp.nino-alignment', {
      party: 'home-office-ukvi',
      request: ninoAlignment([{ ...priya, homeOfficeReference: 'HO-4000005' }]),
      subject: recordsOf(priya),
    }),
    'not-applicable',
    /No Windrush directive/,
  ],
];

describe('windrush-pause', () => {
  ruleTable(windrushPause, 'windrush-pause', table);

  it('obliges a Taskforce referral for a Windrush profile, and only then', () => {
    const elder = factsFor('dwp.status-check', {
      party: 'dwp',
      request: dwpStatusCheck(clarence),
      subject: recordsOf(clarence),
    });
    expect(windrushPause(elder).obligations).toEqual([{ id: 'refer-to-windrush-taskforce' }]);
    expect(
      windrushPause(
        factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(priya), subject: recordsOf(priya) }),
      ).obligations,
    ).toBeUndefined();
  });
});
