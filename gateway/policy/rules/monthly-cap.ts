import type { Rule } from '../types.ts';

/** Volume caps are per agreement per calendar month (DfE 300, ¶6.112; HMRC 10,000, ¶6.95). */
export const monthlyCap: Rule = ({ agreement, exchange, counters }) => {
  const cap = agreement?.measures.find(
    (m) => m.monthlyCap !== undefined && (!m.exchanges || m.exchanges.includes(exchange.id)),
  )?.monthlyCap;
  if (cap === undefined)
    return { id: 'monthly-cap', outcome: 'not-applicable', reason: 'The agreement sets no monthly cap' };
  if (counters.usedThisMonth >= cap) {
    return { id: 'monthly-cap', outcome: 'deny', reason: `The monthly cap of ${cap} requests has been reached` };
  }
  return {
    id: 'monthly-cap',
    outcome: 'permit',
    reason: `${counters.usedThisMonth + 1} of ${cap} requests this month`,
  };
};
