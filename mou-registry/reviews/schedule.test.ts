// Joint reviews scheduled from the agreement's interval (rec 2f, ¶6.93: HMRC's six-monthly review).
import { describe, expect, it } from 'vitest';
import { addMonths, scheduledReview } from './schedule.ts';

const review = (over: Partial<Parameters<typeof scheduledReview>[0]>) => ({
  intervalMonths: null,
  lastReviewedOn: null,
  nextReviewDue: null,
  improvementPlan: null,
  ...over,
});

describe('addMonths', () => {
  it.each([
    ['2017-02-01', 6, '2017-08-01'],
    ['2017-08-31', 6, '2018-02-28'],
    ['2019-08-31', 6, '2020-02-29'],
    ['2016-11-15', 12, '2017-11-15'],
    ['2017-12-31', 1, '2018-01-31'],
  ])('%s + %i months = %s', (day, months, expected) => expect(addMonths(day, months)).toBe(expected));
});

describe('the next review', () => {
  it("is due an interval after the last review (HMRC: reviewed at the pilot's end, February 2017, every 6 months)", () => {
    expect(
      scheduledReview(review({ intervalMonths: 6, lastReviewedOn: '2017-02-01' }), '2016-08-01').nextReviewDue,
    ).toBe('2017-08-01');
  });

  it('before any review, an interval after the version came into force', () => {
    expect(scheduledReview(review({ intervalMonths: 12 }), '2026-01-01').nextReviewDue).toBe('2027-01-01');
  });

  it('keeps a date that was recorded, and says nothing where there is no interval or no day to count from', () => {
    expect(
      scheduledReview(review({ intervalMonths: 6, lastReviewedOn: '2017-02-01', nextReviewDue: '2017-06-01' }), null)
        .nextReviewDue,
    ).toBe('2017-06-01');
    expect(scheduledReview(review({ lastReviewedOn: '2017-02-01' }), '2016-01-01').nextReviewDue).toBeNull();
    expect(scheduledReview(review({ intervalMonths: 6 }), null).nextReviewDue).toBeNull();
  });
});
