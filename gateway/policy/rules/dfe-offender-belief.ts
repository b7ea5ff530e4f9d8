import type { Rule } from '../types.ts';

/** DfE traces a child only when the Home Office has reason to believe a parent is an immigration offender now (¶6.103). */
export const dfeOffenderBelief: Rule = ({ exchange, request }) => {
  if (exchange.id !== 'dfe.child-trace') {
    return { id: 'dfe-offender-belief', outcome: 'not-applicable', reason: 'Applies to DfE child tracing only' };
  }
  const grounds = request.data.grounds as { parentBelievedImmigrationOffender?: unknown } | undefined;
  if (grounds?.parentBelievedImmigrationOffender !== true) {
    return {
      id: 'dfe-offender-belief',
      outcome: 'deny',
      reason:
        'A child may be traced only with reason to believe a parent is an immigration offender at the time of the request',
    };
  }
  return {
    id: 'dfe-offender-belief',
    outcome: 'permit',
    reason: 'The requester states reason to believe a parent is an immigration offender',
  };
};
