// Gathers the facts, decides, and commits the decision to the audit log (group commit). The cap counter is read
// under the chain lock in that same transaction, adding the permits earlier in the same batch, so 50
// simultaneous calls with 3 places left give exactly 3 permits.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AuditAppender } from '../../audit/append.ts';
import type { Pseudonymiser } from '../../audit/subject-key.ts';
import type { Batch } from '../../audit/group-commit.ts';
import type { NewEntry } from '../../audit/types.ts';
import { pendingPermits, permitsInMonth } from '../../audit/usage.ts';
import { selectAgreement } from '../../mou-registry/select-agreement.ts';
import type { RegisterCache } from '../../mou-registry/register-cache.ts';
import type { AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import { GatewayError } from '../http/problem.ts';
import { londonDay, monthOf } from '../london-day.ts';
import { safeError } from '../logger.ts';
import { decide } from '../policy/engine.ts';
import { unknownSubject, type Decision, type SubjectFacts } from '../policy/types.ts';
import { dataFieldsOf, type ExchangeDefinition, type ExchangeEnvelope } from './exchange-definition.ts';

export interface Caller { clientId: string; party: string }

export interface RecorderDeps {
  register: Pick<RegisterCache, 'view'>;
  audit: AuditAppender;
  pseudonymiser: Pseudonymiser;
  logger: Logger;
  clock?: () => Date;
}

export interface Recorded { agreement: AgreementVersion | null; day: IsoDate; decision: Decision }

/**
 * Where the answer is already known when deciding (a status check answered from the Home Office's own records),
 * its outcome is committed with the decision, in the same group commit: one durable write instead of two, and
 * still nothing leaves before its decision is in the log. Given a permit, it returns the outcome entry's body.
 */
export type OutcomeAlongside = (decision: Omit<Decision, 'auditId'>, agreement: AgreementVersion, day: IsoDate) => Record<string, unknown>;

export function createDecisionRecorder(deps: RecorderDeps) {
  const clock = deps.clock ?? (() => new Date());

  /** Permits already committed this month, and those earlier in the same group commit, under the chain lock. */
  async function usedUnderCap(trx: Parameters<typeof permitsInMonth>[0], batch: Batch, agreement: AgreementVersion, exchange: string, day: IsoDate) {
    const measure = agreement.measures.find((m) => m.monthlyCap !== undefined && (!m.exchanges || m.exchanges.includes(exchange)));
    if (!measure) return 0;
    return (await permitsInMonth(trx, agreement.agreementId, measure.exchanges, monthOf(day))) + pendingPermits(batch.pending, agreement.agreementId, measure.exchanges);
  }

  return async function record(
    def: ExchangeDefinition,
    caller: Caller,
    body: ExchangeEnvelope,
    requestId: string,
    options: { asOf?: IsoDate; dryRun?: boolean; subject?: Partial<SubjectFacts>; outcome?: OutcomeAlongside } = {},
  ): Promise<Recorded> {
    const day = options.asOf ?? londonDay(clock());
    const request = body as unknown as Record<string, unknown>;
    const dataFields = dataFieldsOf(request);
    // What needs no register and no lock is worked out first, outside the shared transaction.
    const recordedRequest = {
      exchange: def.id, direction: def.direction, partner: def.partner, party: caller.party, clientId: caller.clientId, requestId,
      caseReference: deps.pseudonymiser.caseReference(body.caseReference),
      subjects: def.subjects(body).map(deps.pseudonymiser.subject),
      fieldsRequested: dataFields,
      decisionDate: day,
    };
    // Where the Home Office's records are read, the facts come from them alone: a date of birth the caller
    // states, but the records do not bear out, must never make someone look young enough to share about.
    const subject = def.lookup ? { ...unknownSubject, ...options.subject } : { ...unknownSubject, ...def.subjectFromRequest?.(body) };
    try {
      const { stored, result } = await deps.audit.appendGrouped(async (trx, batch) => {
        // The register as it stands in this transaction: a change committed before it is always seen.
        const register = await deps.register.view(trx);
        const agreement = selectAgreement(register.versionsCovering(def.id, caller.party), { exchange: def.id, party: caller.party, purpose: body.purpose, day, agreementId: body.agreementId });
        const usedThisMonth = agreement ? await usedUnderCap(trx, batch, agreement, def.id, day) : 0;
        const decision = decide({
          decisionDate: day,
          caller,
          exchange: { id: def.id, partner: def.partner, direction: def.direction, mode: def.mode },
          request: { purpose: body.purpose, legalBasis: body.legalBasis, dataFields, data: request },
          agreement,
          directives: register.directivesInForce(day),
          subject,
          counters: { usedThisMonth },
        });
        const entryBody = {
          ...recordedRequest,
          // Only codes the register knows are kept: anything else a caller typed could be free text.
          purpose: agreement?.purposes.some((p) => p.code === body.purpose) ? body.purpose : 'unrecognised',
          legalBasis: agreement?.legalBases.some((b) => b.code === body.legalBasis) ? body.legalBasis : 'unrecognised',
          ...decision,
        };
        const decisionId = randomUUID();
        const entries: NewEntry[] = [{ id: decisionId, kind: options.dryRun ? 'dry-run' : 'decision', body: entryBody }];
        if (options.outcome && !options.dryRun && decision.decision === 'permit') {
          entries.push({ kind: 'outcome', body: { decisionId, ...options.outcome(decision, agreement!, day) } });
        }
        return { entries, result: { decision, agreement } };
      });
      const { decision, agreement } = result;
      return { agreement, day, decision: { ...decision, auditId: stored[0]!.id } };
    } catch (error) {
      deps.logger.error({ error: safeError(error), requestId }, 'audit append failed; refusing the exchange');
      throw new GatewayError('audit-unavailable', 'The decision could not be recorded in the audit log, so nothing was sent. Try again later.');
    }
  };
}
export type DecisionRecorder = ReturnType<typeof createDecisionRecorder>;
