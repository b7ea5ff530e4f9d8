import { ageOn } from '../age.ts';
import { directivesOfKind, fieldValue } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

const notShared =
  "Only people the Home Office's records show to be under the age limit and facing deportation for criminal offending may be shared with financial services";

/** Financial services hear only about people under 30 facing deportation for criminal offending (¶5.43). */
export const financialServicesAge: Rule = (facts) => {
  const restriction = directivesOfKind(facts, 'only-under-age-facing-deportation')[0];
  if (!restriction)
    return {
      id: 'financial-services-age',
      outcome: 'not-applicable',
      reason: 'No financial-services restriction reaches this exchange',
    };
  const { age, reasonField, requiredReason } = restriction.condition as {
    age: number;
    reasonField: string;
    requiredReason: string;
  };
  const dob = facts.subject.dateOfBirth;
  if (dob === null)
    return {
      id: 'financial-services-age',
      outcome: 'deny',
      reason: "The subject's age cannot be established",
      callerReason: notShared,
    };
  const years = ageOn(dob, facts.decisionDate);
  if (years >= age) {
    return {
      id: 'financial-services-age',
      outcome: 'deny',
      reason: `The subject is ${years} on ${facts.decisionDate}; only people under ${age} may be shared with financial services`,
      callerReason: notShared,
    };
  }
  if (
    fieldValue(facts.request.data, reasonField) !== requiredReason ||
    facts.subject.facingDeportationForCriminalOffence !== true
  ) {
    return {
      id: 'financial-services-age',
      outcome: 'deny',
      reason: 'Only people facing deportation for criminal offending, as Home Office records show, may be shared',
      callerReason: notShared,
    };
  }
  return {
    id: 'financial-services-age',
    outcome: 'permit',
    reason: `The subject is ${years} and faces deportation for criminal offending`,
    callerReason: 'The subject may be shared under the financial-services restriction',
  };
};
