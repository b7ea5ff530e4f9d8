// Combines the rules: every rule is evaluated and reported; any deny wins.
import { agreementInForce } from './rules/agreement-in-force.ts';
import { dfeOffenderBelief } from './rules/dfe-offender-belief.ts';
import { fieldScope } from './rules/field-scope.ts';
import { legalBasis } from './rules/legal-basis.ts';
import { monthlyCap } from './rules/monthly-cap.ts';
import { party } from './rules/party.ts';
import { purpose } from './rules/purpose.ts';
import type { Decision, Facts, Rule } from './types.ts';

export const rules: readonly Rule[] = [party, agreementInForce, purpose, legalBasis, fieldScope, dfeOffenderBelief, monthlyCap];

export function decide(facts: Facts): Omit<Decision, 'auditId'> {
  const results = rules.map((rule) => rule(facts));
  const denied = results.some((r) => r.outcome === 'deny');
  return {
    decision: denied ? 'deny' : 'permit',
    rules: results.map(({ id, outcome, reason }) => ({ id, outcome, reason })),
    obligations: denied ? [] : results.flatMap((r) => r.obligations ?? []),
    agreement: facts.agreement ? { id: facts.agreement.agreementId, version: facts.agreement.version } : null,
    directives: facts.directives.map((d) => d.id),
  };
}
