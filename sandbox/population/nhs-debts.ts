// NHS charges for overseas visitors. Only people who are not ordinarily resident are charged, so
// debts fall on people without settled status; some are under, some over, the £500 reporting threshold.
import { addDays, addYears, compareDates, laterOf } from './dates.ts';
import { trustFor } from './institutions.ts';
import type { Random } from './random.ts';
import type { DebtStatus, ImmigrationStatus, IsoDate, NhsDebt } from './types.ts';

const chanceOfDebt: Record<ImmigrationStatus, number> = {
  'british-citizen': 0,
  settled: 0.004,
  refugee: 0,
  'eea-settled': 0.02,
  'limited-leave': 0.05,
  'asylum-seeker': 0.02,
  'no-leave': 0.25,
};

/** Older debts have had longer to move along Debt outstanding → Repayment arrangement → Defaulted → Repaid. */
function statusFor(random: Random, invoicedOn: IsoDate, referenceDate: IsoDate): DebtStatus {
  if (invoicedOn > addDays(referenceDate, -60))
    return random.chance(0.85) ? 'debt-outstanding' : 'repayment-arrangement';
  return random.weighted<DebtStatus>([
    ['debt-outstanding', 30],
    ['repayment-arrangement', 22],
    ['defaulted-debt-still-outstanding', 20],
    ['debt-repaid', 28],
  ]);
}

export interface DebtOptions {
  status: ImmigrationStatus;
  leaveType: string | null;
  arrivedInUk: IsoDate | null;
  town: string;
  referenceDate: IsoDate;
}

export function nhsDebts(random: Random, options: DebtOptions): NhsDebt[] {
  const chance = options.leaveType === 'visitor' ? 0.5 : chanceOfDebt[options.status];
  if (!random.chance(chance)) return [];
  const count = random.chance(0.9) ? 1 : 2;
  const earliest = laterOf(
    options.arrivedInUk ?? addYears(options.referenceDate, -6),
    addYears(options.referenceDate, -6),
  );
  const latest = addDays(options.referenceDate, -14);
  if (earliest > latest) return [];
  const debts: NhsDebt[] = [];
  for (let i = 0; i < count; i += 1) {
    const invoicedOn = random.date(earliest, latest);
    const pounds = random.weighted<readonly [number, number]>([
      [[150, 499], 30],
      [[500, 2_000], 45],
      [[2_001, 15_000], 25],
    ]);
    debts.push({
      trust: trustFor(options.town),
      amountPence: random.int(pounds[0], pounds[1]) * 100 + random.pick([0, 0, 50]),
      invoicedOn,
      status: statusFor(random, invoicedOn, options.referenceDate),
    });
  }
  return debts.sort((a, b) => compareDates(a.invoicedOn, b.invoicedOn));
}
