import type { Rule } from '../types.ts';

/** A proactive share cannot be dressed as a reactive check, nor the reverse (¶3.24, ¶5.43, ¶6.56). */
export const direction: Rule = ({ agreement, request, exchange }) => {
  const purpose = agreement?.purposes.find((p) => p.code === request.purpose);
  if (!purpose)
    return { id: 'direction', outcome: 'not-applicable', reason: 'No agreed purpose to compare with the exchange' };
  if (purpose.mode !== exchange.mode) {
    return {
      id: 'direction',
      outcome: 'deny',
      reason: `${exchange.id} is ${exchange.mode} sharing, but the stated purpose is ${purpose.mode}`,
    };
  }
  return {
    id: 'direction',
    outcome: 'permit',
    reason: `${exchange.id} is ${exchange.mode} (${exchange.direction}) sharing, as its purpose is`,
  };
};
