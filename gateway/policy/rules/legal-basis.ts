import { isPlaceholderBasis } from '../../../mou-registry/completeness.ts';
import type { Rule } from '../types.ts';

/**
 * The stated legal basis must be one the agreement names (recommendation 2a), and it must name a law: where neither
 * the report nor legislation names a gateway, the agreement's exchanges are refused and the reason says so, rather
 * than run on a placeholder (domain: "Legal gateways are named provisions").
 */
export const legalBasis: Rule = ({ agreement, request }) => {
  if (agreement === null)
    return { id: 'legal-basis', outcome: 'not-applicable', reason: 'There is no agreement to check' };
  const named = agreement.legalBases.filter((b) => !isPlaceholderBasis(b));
  if (named.length === 0) {
    return {
      id: 'legal-basis',
      outcome: 'deny',
      reason: `${agreement.title} names no legal gateway, and none is named in the inspection report or found in legislation: nothing may be shared under it until one is`,
    };
  }
  const basis = named.find((b) => b.code === request.legalBasis);
  if (!basis) {
    return {
      id: 'legal-basis',
      outcome: 'deny',
      reason: `The stated legal basis is not one the agreement names (${named.map((b) => b.code).join(', ')})`,
    };
  }
  return {
    id: 'legal-basis',
    outcome: 'permit',
    reason: `${basis.statute} ${basis.section} is named in the agreement`,
  };
};
