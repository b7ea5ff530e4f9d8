// Employment (what HMRC holds through PAYE) and benefit claims (what DWP holds). Histories are
// dated so that each fits the law of its time: UC from 2016, PIP from 2013, tax credits closed in April 2025.
import { addDays, addMonths, addYears, compareDates, earlierOf, laterOf } from './dates.ts';
import { employers } from './institutions.ts';
import type { Random } from './random.ts';
import type { Benefit, BenefitClaim, Employment, IsoDate } from './types.ts';

export interface WorkOptions {
  /** The earliest a job could start: adulthood, arrival or a grant of leave. */
  from: IsoDate;
  /** The last day any job could run to: retirement, loss of leave, or the reference date. */
  until: IsoDate;
  referenceDate: IsoDate;
  employedNow: boolean;
  incomePence: readonly [number, number];
}

/** Built backwards from the latest job; at most four jobs, since RTI data rarely shows more of interest. */
export function employmentHistory(random: Random, options: WorkOptions): Employment[] {
  const { from, referenceDate } = options;
  const until = earlierOf(options.until, referenceDate);
  if (from >= until) return [];
  const open = options.employedNow && until === referenceDate;
  // A retiree's last job ran until retirement; otherwise a non-worker's last job ended at some point.
  let end = open ? referenceDate : until < referenceDate ? until : random.date(from, until);
  const newestFirst: Employment[] = [];
  while (newestFirst.length < 4 && end > from) {
    const start = laterOf(from, addDays(end, -random.int(120, 3_650)));
    const employer = random.pick(employers);
    const [low, high] = options.incomePence;
    newestFirst.push({
      employer: employer.name,
      payeReference: employer.payeReference,
      from: start,
      to: newestFirst.length === 0 && open ? null : end,
      annualIncomePence: random.int(low / 100, high / 100) * 100,
    });
    end = addDays(start, -random.int(1, 200));
  }
  return newestFirst.reverse();
}

export interface ClaimOptions {
  dateOfBirth: IsoDate;
  /** The earliest a claim could start: adulthood, arrival, or a grant of leave. */
  from: IsoDate;
  referenceDate: IsoDate;
  employedNow: boolean;
  /** Has no recourse to public funds: a claim then is the anomaly Accessed Public Funds checks look for. */
  noRecourse: boolean;
  /** Set for the parent who claims child benefit and child-related credits. */
  children: { eldestFrom: IsoDate; youngestBorn: IsoDate } | null;
}

export function benefitClaims(random: Random, options: ClaimOptions): BenefitClaim[] {
  const { dateOfBirth, referenceDate } = options;
  const claims: BenefitClaim[] = [];
  const between = (earliest: IsoDate, latest: IsoDate) =>
    laterOf(earliest, options.from) <= latest ? random.date(laterOf(earliest, options.from), latest) : null;
  const claim = (benefit: Benefit, from: IsoDate | null, ongoing: number, maxMonths = 48) => {
    if (from === null) return;
    const latestEnd = addDays(referenceDate, -1);
    const to =
      random.chance(ongoing) || from >= latestEnd
        ? null
        : random.date(from, earlierOf(addMonths(from, maxMonths), latestEnd));
    claims.push({ benefit, from, to });
  };
  const monthAgo = addMonths(referenceDate, -1);
  const pensionAge = addYears(dateOfBirth, 66);
  const workingAge = pensionAge > referenceDate;

  if (options.noRecourse) {
    if (workingAge && random.chance(0.03)) claim('universal-credit', between('2016-05-01', monthAgo), 0.7);
    return claims;
  }
  if (workingAge) {
    if (random.chance(options.employedNow ? 0.1 : 0.4)) claim('universal-credit', between('2016-05-01', monthAgo), 0.8);
    if (random.chance(0.05)) {
      const from = between('2008-01-01', '2016-12-31');
      if (from) claims.push({ benefit: 'jobseekers-allowance', from, to: random.date(from, addMonths(from, 12)) });
    }
    if (!options.employedNow && random.chance(0.06))
      claim('employment-support-allowance', between('2010-01-01', addYears(referenceDate, -1)), 0.5);
  } else if (random.chance(0.15)) {
    claim('housing-benefit', between(laterOf(pensionAge, '2000-04-01'), monthAgo), 0.9);
  }
  if (random.chance(0.06)) claim('personal-independence-payment', between('2013-04-08', monthAgo), 0.85);
  if (options.children) {
    const { eldestFrom, youngestBorn } = options.children;
    const start = earlierOf(random.date(eldestFrom, addDays(eldestFrom, 60)), referenceDate);
    const stops = addYears(youngestBorn, 16);
    if (stops > start) claims.push({ benefit: 'child-benefit', from: start, to: stops > referenceDate ? null : stops });
    // Tax credits took no new claims after April 2024 and closed on 5 April 2025 (all moved to UC).
    const creditsFrom = laterOf(start, '2003-04-06');
    const lastStart = earlierOf('2024-04-05', monthAgo);
    if (creditsFrom <= lastStart && random.chance(0.3)) {
      const from = random.date(creditsFrom, lastStart);
      const lastEnd = earlierOf('2025-04-05', addDays(referenceDate, -1));
      const to =
        referenceDate <= '2025-04-05' && random.chance(0.5)
          ? null
          : random.date(earlierOf(addYears(from, 1), lastEnd), lastEnd);
      claims.push({ benefit: 'tax-credits', from, to });
    }
  }
  return claims.sort((a, b) => compareDates(a.from, b.from));
}
