import type { Rule } from '../types.ts';

/**
 * NHS debtor returns cover non-EEA patients only (¶6.146), and nationality comes from Home Office records, not from
 * the Trust: decided once the person has been looked up, after debtor-threshold has allowed the return itself.
 */
export const debtorNationality: Rule = ({ exchange, subject }) => {
  if (exchange.id !== 'nhs.debtor-return')
    return { id: 'debtor-nationality', outcome: 'not-applicable', reason: 'Applies to NHS debtor returns only' };
  if (subject.eeaNational !== false) {
    const why =
      subject.eeaNational === true
        ? 'the patient is an EEA national'
        : 'Home Office records do not show the patient to be a non-EEA national';
    return {
      id: 'debtor-nationality',
      outcome: 'deny',
      reason: `Debtor returns cover non-EEA patients only; ${why}`,
      callerReason:
        'Debtor returns cover non-EEA patients only, as Home Office records show them; this return is not accepted',
    };
  }
  return {
    id: 'debtor-nationality',
    outcome: 'permit',
    reason: 'Home Office records show a non-EEA national',
    callerReason: 'The return is accepted for a non-EEA patient',
  };
};
