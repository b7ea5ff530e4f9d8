// Combines the rules: every rule is evaluated and reported; any deny wins.
import { directivesReaching } from './directive-scope.ts';
import { agreementInForce } from './rules/agreement-in-force.ts';
import { debtorThreshold } from './rules/debtor-threshold.ts';
import { dfeOffenderBelief } from './rules/dfe-offender-belief.ts';
import { direction } from './rules/direction.ts';
import { fieldScope } from './rules/field-scope.ts';
import { financialServicesAge } from './rules/financial-services-age.ts';
import { legalBasis } from './rules/legal-basis.ts';
import { matchQuality } from './rules/match-quality.ts';
import { monthlyCap } from './rules/monthly-cap.ts';
import { nhsNarrowedScope } from './rules/nhs-narrowed-scope.ts';
import { nhsNonClinical } from './rules/nhs-non-clinical.ts';
import { party } from './rules/party.ts';
import { purpose } from './rules/purpose.ts';
import { windrushPause } from './rules/windrush-pause.ts';
import type { Decision, Facts, Rule } from './types.ts';

/** Every rule, in the order a person reads them in a decision. */
export const rules: readonly Rule[] = [
  party, agreementInForce, purpose, legalBasis, direction, fieldScope, windrushPause, financialServicesAge,
  nhsNarrowedScope, nhsNonClinical, dfeOffenderBelief, debtorThreshold, matchQuality, monthlyCap,
];

export function decide(facts: Facts): Omit<Decision, 'auditId'> {
  const results = rules.map((rule) => rule(facts));
  const denied = results.some((r) => r.outcome === 'deny');
  return {
    decision: denied ? 'deny' : 'permit',
    rules: results.map(({ id, outcome, reason }) => ({ id, outcome, reason })),
    obligations: denied ? [] : results.flatMap((r) => r.obligations ?? []),
    agreement: facts.agreement ? { id: facts.agreement.agreementId, version: facts.agreement.version } : null,
    directives: directivesReaching(facts).map((d) => d.id),
  };
}
