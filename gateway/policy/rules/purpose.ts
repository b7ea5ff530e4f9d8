import type { Rule } from '../types.ts';

/** The stated purpose must be one the agreement names. */
export const purpose: Rule = ({ agreement, request }) => {
  if (agreement === null) return { id: 'purpose', outcome: 'not-applicable', reason: 'There is no agreement to check' };
  const named = agreement.purposes.find((p) => p.code === request.purpose);
  if (!named) {
    const allowed = agreement.purposes.map((p) => p.code).join(', ');
    return {
      id: 'purpose',
      outcome: 'deny',
      reason: `The stated purpose is not one of this agreement's purposes (${allowed})`,
    };
  }
  return {
    id: 'purpose',
    outcome: 'permit',
    reason: `Purpose "${named.code}" (${named.mode}) is named in the agreement`,
  };
};
