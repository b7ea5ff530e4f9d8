import type { Rule } from '../types.ts';

// The request fields each agreed match point needs, at the top level or per item of a batch.
const pointFields: Record<string, string[]> = {
  name: ['forename', 'surname'],
  forename: ['forename'],
  surname: ['surname'],
  dateOfBirth: ['dateOfBirth'],
  postcode: ['postcode'],
  nino: ['nino'],
  homeOfficeReference: ['homeOfficeReference'],
};

/** A request must carry every point the agreement matches on, so a match is never made on less (fn 65, ¶6.33). */
export const matchQuality: Rule = ({ agreement, request }) => {
  const points = agreement?.dataAccuracy?.matchPoints ?? [];
  if (points.length === 0) return { id: 'match-quality', outcome: 'not-applicable', reason: 'The agreement names no match points' };
  const leaves = new Set(request.dataFields.map((f) => f.split('.').pop()!));
  const missing = points.filter((p) => (pointFields[p] ?? [p]).some((f) => !leaves.has(f)));
  if (missing.length > 0) {
    return { id: 'match-quality', outcome: 'deny', reason: `The agreement matches on ${points.join(', ')}; the request lacks ${missing.join(', ')}` };
  }
  return { id: 'match-quality', outcome: 'permit', reason: `The request carries every agreed match point (${points.join(', ')}); partial matches go back for resolution` };
};
