// What an exchange can be reported to have led to (¶6.62). A fixed list: feedback is never free text.
export const feedbackOutcomes = [
  'benefit-stopped',
  'address-updated',
  'referred-to-windrush-taskforce',
  'safeguarding-referral',
  'debt-repaid',
  'no-action',
  // The accuracy loop (¶5.29: "accountability for the accuracy of the data", "how patients could get their records
  // changed"; rec 2b): the data were about someone else, or wrong, and later put right.
  'wrong-person',
  'data-inaccurate',
  'corrected',
] as const;
export type FeedbackOutcome = (typeof feedbackOutcomes)[number];

export const feedbackLabels: Record<FeedbackOutcome, string> = {
  'benefit-stopped': 'Benefit stopped',
  'address-updated': 'Address updated',
  'referred-to-windrush-taskforce': 'Referred to the Windrush Taskforce',
  'safeguarding-referral': 'Safeguarding referral',
  'debt-repaid': 'Debt repaid',
  'no-action': 'No action',
  'wrong-person': 'Wrong person',
  'data-inaccurate': 'Data inaccurate',
  corrected: 'Corrected',
};

/** Feedback that says the exchange's data were wrong. A correction is one too: something was wrong to be put right. */
export const inaccuracyOutcomes: ReadonlySet<string> = new Set<FeedbackOutcome>([
  'wrong-person',
  'data-inaccurate',
  'corrected',
]);
/** What a `corrected` report may name besides the decision itself. */
export const correctableOutcomes: ReadonlySet<string> = new Set<FeedbackOutcome>(['wrong-person', 'data-inaccurate']);

export const isFeedbackOutcome = (value: unknown): value is FeedbackOutcome =>
  (feedbackOutcomes as readonly unknown[]).includes(value);
