import type { Rule } from '../types.ts';

/** The stated legal basis must be one the agreement names (recommendation 2a). */
export const legalBasis: Rule = ({ agreement, request }) => {
  if (agreement === null) return { id: 'legal-basis', outcome: 'not-applicable', reason: 'There is no agreement to check' };
  const basis = agreement.legalBases.find((b) => b.code === request.legalBasis);
  if (!basis) {
    const allowed = agreement.legalBases.map((b) => b.code).join(', ') || 'none';
    return { id: 'legal-basis', outcome: 'deny', reason: `The stated legal basis is not one the agreement names (${allowed})` };
  }
  return { id: 'legal-basis', outcome: 'permit', reason: `${basis.statute} ${basis.section} is named in the agreement` };
};
