import { directivesOfKind, fieldValue } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

/** Since 9 May 2018 NHS Digital traces only for three purposes, after other efforts failed (¶5.36, fn 32, fn 36). */
export const nhsNarrowedScope: Rule = (facts) => {
  const narrowing = directivesOfKind(facts, 'allowed-purposes')[0];
  if (!narrowing) return { id: 'nhs-narrowed-scope', outcome: 'not-applicable', reason: 'No narrowing directive reaches this exchange' };
  const c = narrowing.condition as {
    purposes: string[]; otherEffortsFailedRequired: boolean; otherEffortsFailedField: string;
    seriousOffenceMinimumSentenceMonths: number; sentenceField: string;
  };
  if (!c.purposes.includes(facts.request.purpose)) {
    return { id: 'nhs-narrowed-scope', outcome: 'deny', reason: `Since ${narrowing.effectiveFrom} tracing is allowed only for: ${c.purposes.join(', ')}` };
  }
  if (c.otherEffortsFailedRequired && fieldValue(facts.request.data, c.otherEffortsFailedField) !== true) {
    return { id: 'nhs-narrowed-scope', outcome: 'deny', reason: 'Tracing is allowed only after other reasonable efforts to locate the person have failed' };
  }
  if (facts.request.purpose === 'deportation-serious-criminal-offence') {
    const months = fieldValue(facts.request.data, c.sentenceField);
    if (typeof months !== 'number' || months < c.seriousOffenceMinimumSentenceMonths) {
      return { id: 'nhs-narrowed-scope', outcome: 'deny', reason: `A serious criminal offence means a sentence of at least ${c.seriousOffenceMinimumSentenceMonths} months` };
    }
  }
  return { id: 'nhs-narrowed-scope', outcome: 'permit', reason: `"${facts.request.purpose}" is one of the narrowed purposes and other efforts have failed` };
};
