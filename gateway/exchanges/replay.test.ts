import { describe, expect, it } from 'vitest';
import { differences } from './replay.ts';

const decision = {
  decision: 'permit' as const,
  rules: [
    { id: 'party' as const, outcome: 'permit' as const, reason: 'A party' },
    { id: 'windrush-pause' as const, outcome: 'not-applicable' as const, reason: 'None' },
  ],
  obligations: [],
  agreement: { id: 'mou', version: '1.0' },
  directives: [],
};

describe('the differences a replay names', () => {
  it('are none for the same decision', () =>
    expect(differences(decision, structuredClone(decision), false)).toEqual([]));

  it.each([
    [{ ...decision, decision: 'deny' as const }, 'decision: permit then, deny now'],
    [{ ...decision, agreement: null }, 'agreement: mou@1.0 then, none now'],
    [{ ...decision, directives: ['windrush-pause-2018'] }, 'directives: [] then, [windrush-pause-2018] now'],
    [
      { ...decision, rules: [decision.rules[0]!, { ...decision.rules[1]!, outcome: 'deny' as const }] },
      'rule windrush-pause: not-applicable then, deny now',
    ],
    [
      { ...decision, rules: [{ ...decision.rules[0]!, reason: 'Another' }, decision.rules[1]!] },
      'rule party: same outcome (permit), reason worded differently',
    ],
    [{ ...decision, rules: [decision.rules[0]!] }, 'rule windrush-pause: not-applicable then, not run now'],
    [{ ...decision, obligations: [{ id: 'refer-to-windrush-taskforce' as const }] }, 'obligations differ'],
  ])('names %#', (replayed, named) => expect(differences(decision, replayed, false)).toEqual([named]));

  it('compares only the permit, agreement and directives of a lookup, which records no rules', () => {
    expect(differences({ ...decision, rules: [] }, decision, true)).toEqual([]);
  });
});
