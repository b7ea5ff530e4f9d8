// financial-services-age: since 23 April 2018 banks and building societies hear only about people under 30 facing
// deportation for criminal offending, as Home Office records show (¶5.43). Under 30 is strict.
import { describe } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import { factsFor, recordsOf, ruleTable, type RuleCase } from '../../../tests/support/policy-facts.ts';
import { financialStatusShare, hmrcProactiveNotification } from '../../../tests/support/requests.ts';
import { financialServicesAge } from './financial-services-age.ts';

const { offenderUnder30: ruan, turns30On2018_05_01: priya, traceableChildMother: ngozi } = fixtures;
const share = (person: typeof ruan, day: string, subject = recordsOf(person), reason?: 'no-leave') =>
  factsFor('financial.status-share', {
    party: 'home-office',
    day,
    request: financialStatusShare(person, reason),
    subject,
  });

const table: RuleCase[] = [
  [
    'Ruan, 26, facing deportation after an 18-month sentence',
    share(ruan, '2026-11-23'),
    'permit',
    /is 26 and faces deportation/,
  ],
  ['Ruan the day before his 30th birthday', share(ruan, '2030-02-09'), 'permit', /is 29/],
  [
    'Ruan on his 30th birthday: no longer under 30',
    share(ruan, '2030-02-10'),
    'deny',
    /is 30 on 2030-02-10; only people under 30/,
  ],
  ['Priya, 38, with no criminal casework', share(priya, '2026-11-23'), 'deny', /is 38/],
  [
    'someone under 30 whom the records do not show facing deportation',
    share({ ...ngozi, dateOfBirth: '1999-09-22' }, '2026-11-23', { ...recordsOf(ngozi), dateOfBirth: '1999-09-22' }),
    'deny',
    /facing deportation for criminal offending, as Home Office records show/,
  ],
  [
    'Ruan, but the share gives no leave as its reason',
    share(ruan, '2026-11-23', recordsOf(ruan), 'no-leave'),
    'deny',
    /facing deportation/,
  ],
  ['someone the records cannot date', share(ruan, '2026-11-23', {}), 'deny', /age cannot be established/],
  [
    'any share before the restriction',
    share(priya, '2018-01-01'),
    'not-applicable',
    /No financial-services restriction/,
  ],
  [
    'a proactive notification to HMRC',
    factsFor('hmrc.proactive-notification', {
      party: 'home-office',
      request: hmrcProactiveNotification(priya),
      subject: recordsOf(priya),
    }),
    'not-applicable',
    /No financial-services restriction/,
  ],
];

describe('financial-services-age', () => ruleTable(financialServicesAge, 'financial-services-age', table));
