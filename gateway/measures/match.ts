// Which partner outcomes are a match and which a miss. Outcomes that are neither (an acknowledgement, an
// out-of-scope refusal by HMRC, an upstream failure) do not count towards the match rate.
export const matchedOutcomes = new Set(['matched', 'aligned', 'recorded']);
export const unmatchedOutcomes = new Set([
  'no-match',
  'not-matched',
  'partial-match',
  'needs-resolution',
  'multiple-matches',
]);
/** The partner never gave a usable answer: nothing was delivered. */
export const failedOutcomes = new Set(['upstream-error', 'upstream-timeout']);
