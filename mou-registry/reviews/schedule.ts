// When the next joint review is due (rec 2f: "regular joint reviews"). A version that sets a review interval is
// scheduled from it: from the last review held, or, before any, from the day the version came into force. A date
// recorded with a review (or written into the terms) stands as recorded. HMRC's six-monthly review (¶6.93) thus
// has a due date, and can be overdue, even though the report gives none of its dates.
import type { AgreementVersion, IsoDate } from '../types.ts';

type Review = AgreementVersion['review'];

/** The same day `months` later; the month's last day when it has no such day (31 August + 6 months = 28/29 February). */
export function addMonths(day: IsoDate, months: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10);
}

export function scheduledReview(review: Review, inForceFrom: IsoDate | null): Review {
  if (review.nextReviewDue !== null || review.intervalMonths === null || !(review.intervalMonths > 0)) return review;
  const from = review.lastReviewedOn ?? inForceFrom;
  return from === null ? review : { ...review, nextReviewDue: addMonths(from, review.intervalMonths) };
}
