// The path of one governed exchange: facts → decision committed to the audit log → forward → minimise →
// outcome committed → answer. Nothing is forwarded or returned unless its audit entries are durable.
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import type { Pseudonymiser } from '../../audit/subject-key.ts';
import { permitsInMonth } from '../../audit/usage.ts';
import { selectAgreement } from '../../mou-registry/select-agreement.ts';
import type { RegisterStore } from '../../mou-registry/store.ts';
import type { AgreementVersion } from '../../mou-registry/types.ts';
import { GatewayError } from '../http/problem.ts';
import { safeError } from '../logger.ts';
import { londonDay, monthOf } from '../london-day.ts';
import { decide } from '../policy/engine.ts';
import type { Decision, Facts } from '../policy/types.ts';
import { UpstreamError, type UpstreamClient } from '../upstream/upstream-client.ts';
import { dataFieldsOf, type ExchangeDefinition, type ExchangeEnvelope } from './exchange-definition.ts';
import { minimise } from './minimise.ts';

export interface Principal { clientId: string; party: string; roles: string[] }

export interface ExchangeDeps {
  register: Pick<RegisterStore, 'versionsCovering' | 'directivesInForce'>;
  audit: AuditAppender;
  pseudonymiser: Pseudonymiser;
  upstreams: Record<string, UpstreamClient>;
  logger: Logger;
  clock?: () => Date;
}

export interface ExchangeAnswer { auditId: string; decision: Decision; outcome: string; result: Record<string, unknown> }

export function createExchangeRunner(deps: ExchangeDeps) {
  const clock = deps.clock ?? (() => new Date());

  async function decideAndRecord(def: ExchangeDefinition, principal: Principal, body: ExchangeEnvelope, requestId: string) {
    const day = londonDay(clock());
    const [versions, directives] = await Promise.all([deps.register.versionsCovering(def.id), deps.register.directivesInForce(day)]);
    const agreement = selectAgreement(versions, { exchange: def.id, party: principal.party, purpose: body.purpose, day, agreementId: body.agreementId });
    const request = body as unknown as Record<string, unknown>;
    const facts: Omit<Facts, 'counters'> = {
      decisionDate: day,
      caller: { clientId: principal.clientId, party: principal.party },
      exchange: { id: def.id, partner: def.partner, direction: def.direction },
      request: { purpose: body.purpose, legalBasis: body.legalBasis, dataFields: dataFieldsOf(request), data: request },
      agreement,
      directives,
    };
    try {
      const { stored, result } = await deps.audit.append(async (trx) => {
        const usedThisMonth = agreement ? await usedUnderCap(trx, agreement, def.id, day) : 0;
        const decision = decide({ ...facts, counters: { usedThisMonth } });
        const entryBody = {
          exchange: def.id, direction: def.direction, partner: def.partner, party: principal.party, clientId: principal.clientId,
          // Only codes the register knows are kept: anything else a caller typed could be free text.
          requestId,
          purpose: agreement?.purposes.some((p) => p.code === body.purpose) ? body.purpose : 'unrecognised',
          legalBasis: agreement?.legalBases.some((b) => b.code === body.legalBasis) ? body.legalBasis : 'unrecognised',
          caseReference: deps.pseudonymiser.caseReference(body.caseReference),
          subjects: def.subjects(body).map(deps.pseudonymiser.subject),
          fieldsRequested: facts.request.dataFields, decisionDate: day, ...decision,
        };
        return { entries: [{ kind: 'decision' as const, body: entryBody }], result: decision };
      });
      return { agreement, day, decision: { ...result, auditId: stored[0]!.id } satisfies Decision };
    } catch (error) {
      deps.logger.error({ error: safeError(error), requestId }, 'audit append failed; refusing the exchange');
      throw new GatewayError('audit-unavailable', 'The decision could not be recorded in the audit log, so nothing was sent. Try again later.');
    }
  }

  async function usedUnderCap(trx: Parameters<typeof permitsInMonth>[0], agreement: AgreementVersion, exchange: string, day: string) {
    const measure = agreement.measures.find((m) => m.monthlyCap !== undefined && (!m.exchanges || m.exchanges.includes(exchange)));
    if (!measure) return 0;
    return permitsInMonth(trx, agreement.agreementId, measure.exchanges, monthOf(day));
  }

  async function recordOutcome(decisionId: string, body: Record<string, unknown>, requestId: string) {
    try {
      await deps.audit.append(async () => ({ entries: [{ kind: 'outcome', body: { decisionId, ...body } }], result: null }));
    } catch (error) {
      deps.logger.error({ error: safeError(error), requestId }, 'audit append of an outcome failed; withholding the answer');
      throw new GatewayError('audit-unavailable', 'The outcome could not be recorded in the audit log, so the answer is withheld. Try again later.', { auditId: decisionId });
    }
  }

  return async function runExchange(def: ExchangeDefinition, principal: Principal, body: ExchangeEnvelope, requestId: string): Promise<ExchangeAnswer> {
    const { agreement, day, decision } = await decideAndRecord(def, principal, body, requestId);
    const auditId = decision.auditId;
    if (decision.decision === 'deny') {
      const reasons = decision.rules.filter((r) => r.outcome === 'deny').map((r) => `${r.id}: ${r.reason}`);
      throw new GatewayError('policy-denied', reasons.join('; '), { auditId, decision });
    }
    const terms = agreement!.exchanges.find((e) => e.exchange === def.id)!;
    const base = { exchange: def.id, party: principal.party, agreement: decision.agreement, requestId };
    const started = performance.now();
    try {
      const answer = await def.call(deps.upstreams[def.partner]!, body);
      const latencyMs = Math.round(performance.now() - started);
      const { result, disclosed, withheld } = minimise(answer.candidate, terms, decision.obligations, day);
      await recordOutcome(auditId, { ...base, outcome: answer.outcome, latencyMs, fieldsDisclosed: disclosed, fieldsWithheld: withheld }, requestId);
      return { auditId, decision, outcome: answer.outcome, result };
    } catch (error) {
      if (!(error instanceof UpstreamError)) throw error;
      const latencyMs = Math.round(performance.now() - started);
      const outcome = error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-error';
      await recordOutcome(auditId, { ...base, outcome, latencyMs, fieldsDisclosed: [], upstreamStatus: error.status ?? null }, requestId);
      throw new GatewayError(error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-failed', `${error.message}. Nothing was disclosed.`, { auditId, decision });
    }
  };
}
export type ExchangeRunner = ReturnType<typeof createExchangeRunner>;
