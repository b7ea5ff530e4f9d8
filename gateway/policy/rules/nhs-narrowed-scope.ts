import { directivesOfKind, fieldValue } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

/** The MoU has let NHS Digital trace only once other reasonable efforts to locate the person failed (fn 32). */
const otherEffortsField = 'trace.otherEffortsFailed';

/**
 * Since 9 May 2018 NHS Digital traces only for three purposes (¶5.36, fn 36); before and since, only after other
 * reasonable and appropriate efforts to locate the person have failed (fn 32: NHS Digital rejected requests in
 * 2017 when not persuaded they had).
 */
export const nhsNarrowedScope: Rule = (facts) => {
  const narrowing = directivesOfKind(facts, 'allowed-purposes')[0];
  if (!narrowing) {
    if (facts.exchange.id !== 'nhs.trace-request')
      return {
        id: 'nhs-narrowed-scope',
        outcome: 'not-applicable',
        reason: 'No narrowing directive reaches this exchange',
      };
    if (fieldValue(facts.request.data, otherEffortsField) !== true) {
      return {
        id: 'nhs-narrowed-scope',
        outcome: 'deny',
        reason: 'NHS Digital traces only after other reasonable efforts to locate the person have failed',
      };
    }
    return {
      id: 'nhs-narrowed-scope',
      outcome: 'permit',
      reason: 'No narrowing directive is in force; other reasonable efforts to locate the person have failed',
    };
  }
  const c = narrowing.condition as {
    purposes: string[];
    otherEffortsFailedRequired: boolean;
    otherEffortsFailedField: string;
    seriousOffenceMinimumSentenceMonths: number;
    sentenceField: string;
  };
  if (!c.purposes.includes(facts.request.purpose)) {
    return {
      id: 'nhs-narrowed-scope',
      outcome: 'deny',
      reason: `Since ${narrowing.effectiveFrom} tracing is allowed only for: ${c.purposes.join(', ')}`,
    };
  }
  if (c.otherEffortsFailedRequired && fieldValue(facts.request.data, c.otherEffortsFailedField) !== true) {
    return {
      id: 'nhs-narrowed-scope',
      outcome: 'deny',
      reason: 'Tracing is allowed only after other reasonable efforts to locate the person have failed',
    };
  }
  if (facts.request.purpose === 'deportation-serious-criminal-offence') {
    const months = fieldValue(facts.request.data, c.sentenceField);
    if (typeof months !== 'number' || months < c.seriousOffenceMinimumSentenceMonths) {
      return {
        id: 'nhs-narrowed-scope',
        outcome: 'deny',
        reason: `A serious criminal offence means a sentence of at least ${c.seriousOffenceMinimumSentenceMonths} months`,
      };
    }
  }
  return {
    id: 'nhs-narrowed-scope',
    outcome: 'permit',
    reason: `"${facts.request.purpose}" is one of the narrowed purposes and other efforts have failed`,
  };
};
