import { ageOn } from '../age.ts';
import { directivesOfKind } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

/**
 * The Windrush pause (¶3.23–3.24, ¶5.42–5.43): proactive compliant-environment sharing about anyone aged 30 or
 * more on the day (or of unknown age) is paused; reactive checks continue, and a subject with a Windrush profile
 * is referred to the Windrush Taskforce, which the partner is told.
 */
const paused = (title: string) => `${title}: proactive sharing about this subject is paused`;

export const windrushPause: Rule = (facts) => {
  const pauses = directivesOfKind(facts, 'pause-over-age');
  for (const pause of pauses) {
    const age = Number(pause.condition.age);
    const dob = facts.subject.dateOfBirth;
    if (dob === null) {
      return {
        id: 'windrush-pause',
        outcome: 'deny',
        reason: `${pause.title}: the subject's age cannot be established, so sharing is paused`,
        callerReason: paused(pause.title),
      };
    }
    const years = ageOn(dob, facts.decisionDate);
    if (years >= age) {
      return {
        id: 'windrush-pause',
        outcome: 'deny',
        reason: `${pause.title}: the subject is ${years} on ${facts.decisionDate}, so proactive sharing is paused`,
        callerReason: paused(pause.title),
      };
    }
  }
  const referrals = directivesOfKind(facts, 'refer-windrush-profile');
  if (referrals.length > 0 && facts.subject.windrushProfile === true) {
    return {
      id: 'windrush-pause',
      outcome: 'permit',
      reason:
        'The status check continues; the subject has a Windrush profile, so the case is referred to the Windrush Taskforce and the partner told',
      // The partner is told of the referral (¶3.24), so the reason may say so.
      callerReason: 'The status check continues; the case is referred to the Windrush Taskforce and the partner told',
      obligations: [{ id: 'refer-to-windrush-taskforce' }],
    };
  }
  if (pauses.length > 0) {
    return {
      id: 'windrush-pause',
      outcome: 'permit',
      reason: `The subject is under ${pauses[0]!.condition.age} on ${facts.decisionDate}; the pause does not apply`,
      callerReason: `${pauses[0]!.title} does not stop this exchange`,
    };
  }
  if (referrals.length > 0) {
    return {
      id: 'windrush-pause',
      outcome: 'permit',
      reason: 'Reactive status checks continue; the subject has no Windrush profile',
      callerReason: 'Reactive status checks continue',
    };
  }
  return {
    id: 'windrush-pause',
    outcome: 'not-applicable',
    reason: 'No Windrush directive in force reaches this exchange',
  };
};
