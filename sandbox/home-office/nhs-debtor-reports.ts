// NHS debtor reports (nhs.debtor-return, ¶6.143–6.154): a Trust reports an overseas visitor's unpaid
// charges, and the Home Office records the debt against the person (the date of birth is mandatory).
// A debt moves through Figure 5's states (Debt outstanding → Repayment arrangement → Defaulted – debt
// still outstanding → Debt repaid) by later reports; the receipt says what the Home Office held before.
// It records whatever a Trust sends about a person it can find: keeping out EEA patients, debts under
// £500 and debts under two months old is the gateway's debtor-threshold rule. The receipt names the
// Home Office reference the debt was recorded against, which the Trust has no need of.
import type { components } from '../../contracts/partners-types.ts';
import { findSubject, stableReference } from '../matching.ts';
import type { PopulationIndex } from '../population/index.ts';
import type { DebtStatus, Population } from '../population/types.ts';

type Report = components['schemas']['HomeOfficeNhsDebtorReport'];
type Receipt = components['schemas']['HomeOfficeNhsDebtorReceipt'];

/** A debt is the same debt when it is the same person's and was invoiced the same day. */
const debtKey = (personId: string, invoicedOn: string) => `${personId}|${invoicedOn}`;

export function createDebtorReports(population: Population, index: PopulationIndex) {
  // Debts already reported in earlier years are on CID (Operation DINTEL works from them, ¶6.170).
  const held = new Map<string, DebtStatus>();
  for (const person of population.people) {
    for (const debt of person.nhsDebts) held.set(debtKey(person.id, debt.invoicedOn), debt.status);
  }

  return (report: Report): Receipt => {
    const { homeOfficeReference, forename, surname, dateOfBirth } = report;
    const match = findSubject(index, { homeOfficeReference, forename, surname, dateOfBirth });
    if (match.outcome !== 'matched') return { outcome: 'not-matched' };
    const key = debtKey(match.person.id, report.invoicedOn);
    const previousStatus = held.get(key) ?? null;
    held.set(key, report.status);
    return {
      outcome: 'recorded',
      reference: stableReference('HO-NHSD', key),
      homeOfficeReference: match.person.immigration.homeOfficeReference,
      previousStatus,
    };
  };
}
