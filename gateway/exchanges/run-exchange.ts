// The path of one governed exchange: facts → decision committed to the audit log → forward → minimise →
// outcome committed → answer. Nothing is forwarded or returned unless its audit entries are durable. Where the
// facts' lookup already gave the answer (status checks against the Home Office's own records), the outcome is
// committed with the decision, so the exchange costs one durable write, not two.
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import { GatewayError } from '../http/problem.ts';
import { safeError } from '../logger.ts';
import type { Decision } from '../policy/types.ts';
import { UpstreamError } from '../upstream/upstream-client.ts';
import type { DecisionRecorder } from './decide-and-record.ts';
import type { AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import type { ExchangeDefinition, ExchangeEnvelope, Lookup, UpstreamAnswer, Upstreams } from './exchange-definition.ts';
import { minimise } from './minimise.ts';

export interface Principal { clientId: string; party: string; roles: string[] }

export interface ExchangeDeps { record: DecisionRecorder; audit: AuditAppender; upstreams: Upstreams; logger: Logger }

export interface ExchangeAnswer { auditId: string; decision: Decision; outcome: string; result: Record<string, unknown>; notices?: string[] }

interface Disclosure { outcome: string; result: Record<string, unknown>; referred: boolean; entry: Record<string, unknown> }

const upstreamProblem = (error: UpstreamError, extensions: Record<string, unknown>) =>
  new GatewayError(error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-failed', `${error.message}. Nothing was disclosed.`, extensions);

export function createExchangeRunner(deps: ExchangeDeps) {
  async function recordOutcome(decisionId: string, body: Record<string, unknown>, requestId: string) {
    try {
      await deps.audit.appendGrouped(async () => ({ entries: [{ kind: 'outcome', body: { decisionId, ...body } }], result: null }));
    } catch (error) {
      deps.logger.error({ error: safeError(error), requestId }, 'audit append of an outcome failed; withholding the answer');
      throw new GatewayError('audit-unavailable', 'The outcome could not be recorded in the audit log, so the answer is withheld. Try again later.', { auditId: decisionId });
    }
  }

  return async function runExchange(def: ExchangeDefinition, principal: Principal, body: ExchangeEnvelope, requestId: string): Promise<ExchangeAnswer> {
    const base = (decision: Pick<Decision, 'agreement'>) => ({ exchange: def.id, party: principal.party, agreement: decision.agreement, requestId });
    /** What goes back, minimised to the agreement, and the outcome entry that records it. */
    const disclose = (answer: UpstreamAnswer<string>, agreement: AgreementVersion, decision: Pick<Decision, 'obligations'>, day: IsoDate, latencyMs: number): Disclosure => {
      const terms = agreement.exchanges.find((e) => e.exchange === def.id)!;
      const { result, disclosed, withheld } = minimise(answer.candidate, terms, decision.obligations, day);
      const referred = decision.obligations.some((o) => o.id === 'refer-to-windrush-taskforce') && answer.outcome === 'matched';
      return {
        outcome: answer.outcome, result, referred,
        entry: { outcome: answer.outcome, latencyMs, fieldsDisclosed: disclosed, fieldsWithheld: withheld, ...(referred ? { referrals: ['windrush-taskforce'] } : {}) },
      };
    };
    let looked: Lookup<string> | null = null;
    if (def.lookup) {
      try {
        looked = await def.lookup(deps.upstreams, body);
      } catch (error) {
        // Nothing has been decided or disclosed yet; the refusal to proceed is still the caller's to see.
        if (error instanceof UpstreamError) throw upstreamProblem(error, {});
        throw error;
      }
    }
    // Answered from the lookup (the Home Office's own records): the outcome is known now, and is committed with
    // the decision. Otherwise the partner is called once the decision is durable, and the outcome follows.
    const known = looked?.answer;
    let disclosure: Disclosure | null = null;
    const outcomeAlongside = known
      ? (decision: Omit<Decision, 'auditId'>, agreement: AgreementVersion, day: IsoDate) => {
        disclosure = disclose(known, agreement, decision, day, 0);
        return { ...base(decision), ...disclosure.entry };
      }
      : undefined;
    const { agreement, day, decision } = await deps.record(def, principal, body, requestId, { subject: looked?.subject, outcome: outcomeAlongside });
    const auditId = decision.auditId;
    if (decision.decision === 'deny') {
      const reasons = decision.rules.filter((r) => r.outcome === 'deny').map((r) => `${r.id}: ${r.reason}`);
      throw new GatewayError('policy-denied', reasons.join('; '), { auditId, decision });
    }
    const answerWith = ({ outcome, result, referred }: Disclosure): ExchangeAnswer => {
      // The partner is told of the referral (¶3.24); the notice names no one.
      const notices = referred ? ['The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone.'] : [];
      return { auditId, decision, outcome, result, ...(notices.length ? { notices } : {}) };
    };
    if (disclosure) return answerWith(disclosure);
    const started = performance.now();
    try {
      const answer = await def.call(deps.upstreams, body, looked);
      const made = disclose(answer, agreement!, decision, day, Math.round(performance.now() - started));
      await recordOutcome(auditId, { ...base(decision), ...made.entry }, requestId);
      return answerWith(made);
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const latencyMs = Math.round(performance.now() - started);
      const outcome = error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-error';
      await recordOutcome(auditId, { ...base(decision), outcome, latencyMs, fieldsDisclosed: [], upstreamStatus: error.status ?? null }, requestId);
      throw upstreamProblem(error, { auditId, decision });
    }
  };
}
export type ExchangeRunner = ReturnType<typeof createExchangeRunner>;
