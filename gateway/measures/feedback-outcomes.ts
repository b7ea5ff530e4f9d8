// What an exchange can be reported to have led to (¶6.62). A fixed list: feedback is never free text.
export const feedbackOutcomes = [
  'benefit-stopped', 'address-updated', 'referred-to-windrush-taskforce', 'safeguarding-referral', 'debt-repaid', 'no-action',
] as const;
export type FeedbackOutcome = (typeof feedbackOutcomes)[number];

export const feedbackLabels: Record<FeedbackOutcome, string> = {
  'benefit-stopped': 'Benefit stopped',
  'address-updated': 'Address updated',
  'referred-to-windrush-taskforce': 'Referred to the Windrush Taskforce',
  'safeguarding-referral': 'Safeguarding referral',
  'debt-repaid': 'Debt repaid',
  'no-action': 'No action',
};

export const isFeedbackOutcome = (value: unknown): value is FeedbackOutcome => (feedbackOutcomes as readonly unknown[]).includes(value);
