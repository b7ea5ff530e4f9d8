import { fieldValue } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

const monthsBefore = (day: string, months: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1 - months, d));
  if (t.getUTCDate() !== d) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
};

/**
 * NHS debtor returns: non-EEA patients owing £500 or more for 2 months or more; before April 2016, £1,000 after
 * 3 months (¶6.146–6.150). Nationality comes from Home Office records, not from the Trust.
 */
export const debtorThreshold: Rule = ({ exchange, request, subject, decisionDate }) => {
  if (exchange.id !== 'nhs.debtor-return') return { id: 'debtor-threshold', outcome: 'not-applicable', reason: 'Applies to NHS debtor returns only' };
  if (subject.eeaNational !== false) {
    const why = subject.eeaNational === true ? 'the patient is an EEA national' : 'Home Office records do not show the patient to be a non-EEA national';
    return { id: 'debtor-threshold', outcome: 'deny', reason: `Debtor returns cover non-EEA patients only; ${why}` };
  }
  const before2016 = decisionDate < '2016-04-01';
  const [minimumPence, months] = before2016 ? [100_000, 3] : [50_000, 2];
  const amount = fieldValue(request.data, 'debt.amountPence');
  const invoiced = fieldValue(request.data, 'debt.invoicedOn');
  if (typeof amount !== 'number' || amount < minimumPence) {
    return { id: 'debtor-threshold', outcome: 'deny', reason: `The debt must be at least £${minimumPence / 100}` };
  }
  if (typeof invoiced !== 'string' || invoiced > monthsBefore(decisionDate, months)) {
    return { id: 'debtor-threshold', outcome: 'deny', reason: `The debt must have been outstanding for ${months} months or more` };
  }
  return { id: 'debtor-threshold', outcome: 'permit', reason: `A non-EEA debt of £${amount / 100} outstanding since ${invoiced} meets the threshold` };
};
