import type { Rule } from '../types.ts';

/** Only fields within the agreement's scope may be sent (data minimisation; nationality removed Oct 2016, ¶6.109). */
export const fieldScope: Rule = ({ agreement, exchange, request }) => {
  const terms = agreement?.exchanges.find((e) => e.exchange === exchange.id);
  if (!terms)
    return {
      id: 'field-scope',
      outcome: 'not-applicable',
      reason: 'There are no agreed terms for this exchange to check',
    };
  const outside = request.dataFields.filter((field) => !terms.requestFields.includes(field));
  if (outside.length > 0) {
    return {
      id: 'field-scope',
      outcome: 'deny',
      reason: `The request carries fields outside the agreement's scope: ${outside.join(', ')}`,
    };
  }
  return {
    id: 'field-scope',
    outcome: 'permit',
    reason: 'Every field sent is within the agreement; replies are limited to its response fields',
    obligations: terms.lookbackYears ? [{ id: 'withhold-older-than', years: terms.lookbackYears }] : [],
  };
};
