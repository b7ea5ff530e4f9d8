// The path of one governed exchange: facts → decision committed to the audit log → forward → minimise →
// outcome committed → answer. Nothing is forwarded or returned unless its audit entries are durable.
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import { GatewayError } from '../http/problem.ts';
import { safeError } from '../logger.ts';
import type { Decision } from '../policy/types.ts';
import { UpstreamError } from '../upstream/upstream-client.ts';
import type { DecisionRecorder } from './decide-and-record.ts';
import type { ExchangeDefinition, ExchangeEnvelope, Lookup, Upstreams } from './exchange-definition.ts';
import { minimise } from './minimise.ts';

export interface Principal { clientId: string; party: string; roles: string[] }

export interface ExchangeDeps { record: DecisionRecorder; audit: AuditAppender; upstreams: Upstreams; logger: Logger }

export interface ExchangeAnswer { auditId: string; decision: Decision; outcome: string; result: Record<string, unknown>; notices?: string[] }

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
    const { agreement, day, decision } = await deps.record(def, principal, body, requestId, { subject: looked?.subject });
    const auditId = decision.auditId;
    if (decision.decision === 'deny') {
      const reasons = decision.rules.filter((r) => r.outcome === 'deny').map((r) => `${r.id}: ${r.reason}`);
      throw new GatewayError('policy-denied', reasons.join('; '), { auditId, decision });
    }
    const terms = agreement!.exchanges.find((e) => e.exchange === def.id)!;
    const base = { exchange: def.id, party: principal.party, agreement: decision.agreement, requestId };
    const started = performance.now();
    try {
      const answer = looked?.answer ?? (await def.call(deps.upstreams, body, looked));
      const latencyMs = Math.round(performance.now() - started);
      const { result, disclosed, withheld } = minimise(answer.candidate, terms, decision.obligations, day);
      const referred = decision.obligations.some((o) => o.id === 'refer-to-windrush-taskforce') && answer.outcome === 'matched';
      await recordOutcome(auditId, {
        ...base, outcome: answer.outcome, latencyMs, fieldsDisclosed: disclosed, fieldsWithheld: withheld,
        ...(referred ? { referrals: ['windrush-taskforce'] } : {}),
      }, requestId);
      // The partner is told of the referral (¶3.24); the notice names no one.
      const notices = referred ? ['The Home Office has referred this case to the Windrush Taskforce; do not act on this status alone.'] : [];
      return { auditId, decision, outcome: answer.outcome, result, ...(notices.length ? { notices } : {}) };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const latencyMs = Math.round(performance.now() - started);
      const outcome = error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-error';
      await recordOutcome(auditId, { ...base, outcome, latencyMs, fieldsDisclosed: [], upstreamStatus: error.status ?? null }, requestId);
      throw upstreamProblem(error, { auditId, decision });
    }
  };
}
export type ExchangeRunner = ReturnType<typeof createExchangeRunner>;
