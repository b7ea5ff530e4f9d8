// A reason is written for whoever reads it. The DPO reads every rule as the audit log keeps it. Anyone else is
// told only what the request alone decides until the request stage allows it: a caller with no agreement covering
// the exchange and purpose learns nothing derived from a record, not even whether one exists. A caller the
// request stage allows is told the subject rules' outcomes in words that carry nothing from the record (a paused
// notification says "paused", never the person's age).
import { isSubjectRule } from './engine.ts';
import type { Decision } from './types.ts';

export type Viewer = 'dpo' | 'caller';

export function decisionFor(viewer: Viewer, decision: Decision): Decision {
  const rules = decision.rules.map(({ callerReason, ...rule }) => ({ rule, callerReason }));
  if (viewer === 'dpo') return { ...decision, rules: rules.map((r) => r.rule) };
  const requestRefused = rules.some(({ rule }) => !isSubjectRule(rule.id) && rule.outcome === 'deny');
  const shown = requestRefused
    ? rules.filter(({ rule }) => !isSubjectRule(rule.id)).map((r) => r.rule)
    : rules.map(({ rule, callerReason }) =>
        isSubjectRule(rule.id) ? { ...rule, reason: callerReason ?? plainOutcome(rule.outcome) } : rule,
      );
  return { ...decision, rules: shown, obligations: requestRefused ? [] : decision.obligations };
}

const plainOutcome = (outcome: string) =>
  outcome === 'deny'
    ? 'This rule refuses the exchange'
    : outcome === 'permit'
      ? 'This rule allows the exchange'
      : 'This rule does not apply';

/** The decision as the audit log keeps it: every rule with its full reason. */
export const decisionForAudit = (decision: Omit<Decision, 'auditId'>): Omit<Decision, 'auditId'> => ({
  ...decision,
  rules: decision.rules.map(({ callerReason: _, ...rule }) => rule),
});
