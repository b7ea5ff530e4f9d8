import { isDirectiveKind } from '../directive-kinds.ts';
import { directivesReaching } from '../directive-scope.ts';
import type { Rule } from '../types.ts';

/**
 * A directive in force whose kind no rule handles (from older data, or written around the API) has an effect
 * nobody can apply. Its authority meant something by it (a pause, a narrowing, ¶5.42–5.43), so the gateway cannot
 * assume it permits: every exchange it reaches is refused until it is lifted or reissued as a kind the rules know.
 */
export const unknownDirective: Rule = (facts) => {
  const unknown = directivesReaching(facts).filter((d) => !isDirectiveKind(d.condition.kind) || d.conditionUnreadable);
  if (unknown.length === 0) {
    return {
      id: 'unknown-directive',
      outcome: 'not-applicable',
      reason: 'Every directive in force that reaches this exchange is of a kind the rules apply',
    };
  }
  const named = unknown.map(
    (d) =>
      `${d.id} ("${d.title}", kind ${typeof d.condition.kind === 'string' ? `"${d.condition.kind}"` : 'missing'}${d.conditionUnreadable && isDirectiveKind(d.condition.kind) ? ' with a condition its schema refuses' : ''})`,
  );
  return {
    id: 'unknown-directive',
    outcome: 'deny',
    reason: `Directive ${named.join(', ')} is in force but of a kind no rule applies, so the exchange is refused until it is lifted or reissued`,
  };
};
