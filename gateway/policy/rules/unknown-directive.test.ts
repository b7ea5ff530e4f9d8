// unknown-directive: the Windrush pause is "a time-bounded directive that can be extended, changed or lifted;
// decisions must follow the directive in force on the day" (¶5.42–5.43: information on "persons over the age of 30
// is not shared"). A directive in force whose kind no rule applies cannot be followed, so what it reaches is refused.
import { describe, expect, it } from 'vitest';
import { fixtures } from '../../../sandbox/population/fixtures.ts';
import {
  directivesOn,
  factsFor,
  recordsOf,
  ruleTable,
  testDay,
  type RuleCase,
} from '../../../tests/support/policy-facts.ts';
import { dwpStatusCheck, hmrcProactiveNotification } from '../../../tests/support/requests.ts';
import type { Directive } from '../../../mou-registry/types.ts';
import { unknownDirective } from './unknown-directive.ts';

const priya = fixtures.turns30On2018_05_01;
const teleport: Directive = {
  id: 'teleport-2019',
  title: 'Teleport proactive notifications',
  authority: 'Home Secretary',
  scope: { exchanges: ['hmrc.proactive-notification'] },
  condition: { kind: 'teleport' },
  effectiveFrom: '2019-01-01',
  effectiveTo: null,
  reference: '¶1',
};
const noKind: Directive = { ...teleport, id: 'no-kind', title: 'A directive with no kind', condition: { age: 30 } };
const notify = (directives: Directive[], day = testDay) =>
  factsFor('hmrc.proactive-notification', {
    party: 'home-office',
    day,
    request: hmrcProactiveNotification(priya),
    subject: recordsOf(priya),
    directives,
  });

const table: RuleCase[] = [
  [
    'a proactive notification under the default register',
    notify(directivesOn(testDay)),
    'not-applicable',
    /Every directive in force .* is of a kind the rules apply/,
  ],
  [
    'the same while the Windrush pause is in force',
    notify(directivesOn('2018-05-01'), '2018-05-01'),
    'not-applicable',
    /of a kind the rules apply/,
  ],
  [
    'a "teleport" directive that reaches it',
    notify([...directivesOn(testDay), teleport]),
    'deny',
    /Directive teleport-2019 \("Teleport proactive notifications", kind "teleport"\) is in force but of a kind no rule applies/,
  ],
  ['a directive with no kind at all', notify([noKind]), 'deny', /no-kind .*kind missing/],
  [
    'a "teleport" directive scoped to another exchange',
    factsFor('dwp.status-check', { party: 'dwp', request: dwpStatusCheck(priya), directives: [teleport] }),
    'not-applicable',
    /of a kind the rules apply/,
  ],
];

describe('unknown-directive', () => {
  ruleTable(unknownDirective, 'unknown-directive', table, ['deny', 'not-applicable']);

  it('names every unknown directive that reaches the exchange', () => {
    expect(unknownDirective(notify([teleport, noKind])).reason).toMatch(/teleport-2019 .*, no-kind /);
  });
});
