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

/** Names of the leaves under a value that are present (null counts as absent). */
function leavesOf(value: unknown, into = new Set<string>(), key?: string): Set<string> {
  if (value === null || value === undefined) return into;
  if (typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) leavesOf(v, into, k);
  } else if (key !== undefined) into.add(key);
  return into;
}

/** What each record of the request carries: every item of a batch on its own, or else the request as a whole. */
function recordsOf(data: Record<string, unknown>): Set<string>[] {
  const items = Object.values(data)
    .filter(Array.isArray)
    .flat()
    .filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
  return items.length > 0 ? items.map((item) => leavesOf(item)) : [leavesOf(data)];
}

/** A request must carry every point the agreement matches on, so a match is never made on less (fn 65, ¶6.33); in a batch, every item must. */
export const matchQuality: Rule = ({ agreement, request }) => {
  const points = agreement?.dataAccuracy?.matchPoints ?? [];
  if (points.length === 0)
    return { id: 'match-quality', outcome: 'not-applicable', reason: 'The agreement names no match points' };
  const missing = new Set<string>();
  for (const leaves of recordsOf(request.data)) {
    for (const p of points) if ((pointFields[p] ?? [p]).some((f) => !leaves.has(f))) missing.add(p);
  }
  if (missing.size > 0) {
    return {
      id: 'match-quality',
      outcome: 'deny',
      reason: `The agreement matches on ${points.join(', ')}; the request lacks ${[...missing].join(', ')}`,
    };
  }
  return {
    id: 'match-quality',
    outcome: 'permit',
    reason: `The request carries every agreed match point (${points.join(', ')}); partial matches go back for resolution`,
  };
};
