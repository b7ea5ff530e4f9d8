// Combines the rules in two stages. The request stage needs only the request and the register: who asks, under
// which agreement, for what purpose, on which legal basis, with which fields, and whether the cap has room. The
// subject stage needs what the Home Office's records say of the person (age, Windrush profile, deportation,
// nationality). The pipeline decides the request first and looks anyone up only once it is allowed. Within a
// stage every rule is evaluated and reported; any deny wins.
import { createHash } from 'node:crypto';
import { directivesReaching } from './directive-scope.ts';
import { agreementInForce } from './rules/agreement-in-force.ts';
import { debtorNationality } from './rules/debtor-nationality.ts';
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
import { unknownDirective } from './rules/unknown-directive.ts';
import { windrushPause } from './rules/windrush-pause.ts';
import type { Decision, Facts, Rule, RuleId } from './types.ts';

/** Decided from the request and the register alone. */
export const requestRules: readonly Rule[] = [
  party,
  agreementInForce,
  purpose,
  legalBasis,
  direction,
  fieldScope,
  nhsNarrowedScope,
  nhsNonClinical,
  dfeOffenderBelief,
  debtorThreshold,
  matchQuality,
  unknownDirective,
  monthlyCap,
];

/** Decided from what is known of the person: the Home Office's records where the exchange looks them up. */
export const subjectRules: readonly Rule[] = [windrushPause, financialServicesAge, debtorNationality];

/**
 * The version of the rules a decision was made by: a hash of the code of every rule, as it runs. A replay that finds
 * another version knows the rules changed in code since the decision, not only the register.
 */
export const policyVersion = createHash('sha256')
  .update([...requestRules, ...subjectRules].map((rule) => rule.toString()).join('\n'))
  .digest('hex')
  .slice(0, 16);

const subjectRuleIds = new Set<RuleId>(['windrush-pause', 'financial-services-age', 'debtor-nationality']);
export const isSubjectRule = (id: RuleId) => subjectRuleIds.has(id);

export type Stage = 'request' | 'subject';

/** The request stage alone (`request`), or every rule once the person's facts are known (`subject`). */
export function decide(facts: Facts, stage: Stage = 'subject'): Omit<Decision, 'auditId'> {
  const results = (stage === 'request' ? requestRules : [...requestRules, ...subjectRules]).map((rule) => rule(facts));
  const denied = results.some((r) => r.outcome === 'deny');
  return {
    decision: denied ? 'deny' : 'permit',
    rules: results.map(({ id, outcome, reason, callerReason }) => ({
      id,
      outcome,
      reason,
      ...(callerReason ? { callerReason } : {}),
    })),
    obligations: denied ? [] : results.flatMap((r) => r.obligations ?? []),
    agreement: facts.agreement ? { id: facts.agreement.agreementId, version: facts.agreement.version } : null,
    directives: directivesReaching(facts).map((d) => d.id),
  };
}
