// Immigration records and the leave each route grants. Dates are chosen so that every record is
// coherent on the reference date: limited leave is unexpired, settlement follows years of residence.
import { addDays, addMonths, addYears, earlierOf, laterOf } from './dates.ts';
import type { Random } from './random.ts';
import type { Immigration, ImmigrationStatus, IsoDate } from './types.ts';

export function immigrationRecord({
  status,
  ...fields
}: Partial<Immigration> & { status: ImmigrationStatus }): Immigration {
  return {
    status,
    leaveType: null,
    leaveValidFrom: null,
    leaveValidTo: null,
    noRecourseToPublicFunds: false,
    supportedUnderS95: false,
    arrivedInUk: null,
    commonwealthArrivalBefore1973: false,
    facingDeportationForCriminalOffence: false,
    sentenceMonths: null,
    homeOfficeReference: null,
    ...fields,
  };
}

/** Migrants with conditional leave, and people with no leave, are "subject to immigration control". */
export const hasNoRecourse = (status: ImmigrationStatus): boolean =>
  status === 'limited-leave' || status === 'no-leave' || status === 'asylum-seeker';

export type LimitedRoute =
  | 'skilled-worker'
  | 'health-and-care-worker'
  | 'student'
  | 'graduate'
  | 'spouse'
  | 'dependant'
  | 'visitor';

const routeLengthMonths: Record<LimitedRoute, number> = {
  'skilled-worker': 60,
  'health-and-care-worker': 60,
  student: 36,
  graduate: 24,
  spouse: 33,
  dependant: 60,
  visitor: 6,
};

/** Leave that is still running on the reference date and began no earlier than arrival. */
export function limitedLeave(
  random: Random,
  route: LimitedRoute,
  arrived: IsoDate,
  referenceDate: IsoDate,
): { from: IsoDate; to: IsoDate } {
  const months = routeLengthMonths[route];
  const to = random.date(addDays(referenceDate, 14), addMonths(referenceDate, months - 1));
  return { from: laterOf(arrived, addMonths(to, -months)), to };
}

/** Indefinite leave typically follows five or more years' residence. */
export function settlementDate(random: Random, arrived: IsoDate, referenceDate: IsoDate): IsoDate {
  return random.date(earlierOf(addYears(arrived, 5), referenceDate), earlierOf(addYears(arrived, 10), referenceDate));
}

/** EU Settlement Scheme: applications opened in 2019; pre-settled status lasts five years and is now extended automatically. */
export function euSettlement(
  random: Random,
  arrived: IsoDate,
  referenceDate: IsoDate,
): Pick<Immigration, 'leaveType' | 'leaveValidFrom' | 'leaveValidTo'> {
  const granted = random.date(laterOf(arrived, '2019-03-30'), '2021-06-30');
  const residentFiveYears = addYears(arrived, 5) <= granted;
  if (residentFiveYears || random.chance(0.6)) {
    return { leaveType: 'eu-settlement-scheme-settled', leaveValidFrom: granted, leaveValidTo: null };
  }
  let to = addDays(addYears(granted, 5), -1);
  while (to < referenceDate) to = addYears(to, 5);
  return { leaveType: 'eu-settlement-scheme-pre-settled', leaveValidFrom: granted, leaveValidTo: to };
}

/** Refugee permission runs five years from grant, after a decision taking months. */
export function refugeeLeave(random: Random, arrived: IsoDate, referenceDate: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = random.date(addMonths(arrived, 3), earlierOf(addMonths(arrived, 18), addMonths(referenceDate, -1)));
  return { from, to: addDays(addYears(from, 5), -1) };
}

/** Sentences behind deportation action: automatic deportation applies from 12 months, some cases fall short of it. */
export const sentenceLengths: readonly (readonly [number, number])[] = [
  [6, 1],
  [9, 1],
  [12, 3],
  [18, 3],
  [24, 3],
  [30, 1],
  [36, 2],
  [48, 1],
  [60, 1],
  [96, 0.5],
];
