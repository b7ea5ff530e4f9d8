import { fieldValue } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

const monthsBefore = (day: string, months: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 - months, d));
  if (t.getUTCDate() !== d) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
};

/**
 * NHS debtor returns: debts of £500 or more outstanding for 2 months or more; before April 2016, £1,000 after
 * 3 months (¶6.146–6.150). Decided from the return alone, before anyone is looked up; that the patient is non-EEA
 * is debtor-nationality's, from Home Office records.
 */
export const debtorThreshold: Rule = ({ exchange, request, decisionDate }) => {
  if (exchange.id !== 'nhs.debtor-return')
    return { id: 'debtor-threshold', outcome: 'not-applicable', reason: 'Applies to NHS debtor returns only' };
  const before2016 = decisionDate < '2016-04-01';
  const [minimumPence, months] = before2016 ? [100_000, 3] : [50_000, 2];
  const amount = fieldValue(request.data, 'debt.amountPence');
  const invoiced = fieldValue(request.data, 'debt.invoicedOn');
  if (typeof amount !== 'number' || amount < minimumPence) {
    return { id: 'debtor-threshold', outcome: 'deny', reason: `The debt must be at least £${minimumPence / 100}` };
  }
  if (typeof invoiced !== 'string' || invoiced > monthsBefore(decisionDate, months)) {
    return {
      id: 'debtor-threshold',
      outcome: 'deny',
      reason: `The debt must have been outstanding for ${months} months or more`,
    };
  }
  return {
    id: 'debtor-threshold',
    outcome: 'permit',
    reason: `A debt of £${amount / 100} outstanding since ${invoiced} meets the threshold`,
  };
};
