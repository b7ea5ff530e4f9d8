// What one batch record came to, as a result line: from the pipeline's answer or refusal, or, for a record taken up
// again after a crash, from what the log already holds for its request id.
import type { LoggedRequest } from '../../audit/request-decisions.ts';
import type { ExchangeAnswer } from '../exchanges/pipeline.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { Decision } from '../policy/types.ts';
import type { ResultLine } from './batch-store.ts';

const rulesOf = (decision: Decision) => decision.rules.map(({ id, outcome, reason }) => ({ id, outcome, reason }));

export function answered(index: number, requestId: string, answer: ExchangeAnswer): ResultLine {
  return {
    index,
    requestId,
    status: 'permitted',
    auditId: answer.auditId,
    decision: answer.decision.decision,
    outcome: answer.outcome,
    agreement: answer.decision.agreement,
    rules: rulesOf(answer.decision),
    result: answer.result,
    ...(answer.notices ? { notices: answer.notices } : {}),
  };
}

/** A refusal or a partner's failure, as the single call would have answered it; null for a fault worth trying again. */
export function refusedOrFailed(index: number, requestId: string, error: unknown): ResultLine | null {
  if (!(error instanceof GatewayError)) return null;
  const { auditId, decision } = error.extensions as { auditId?: string; decision?: Decision };
  const audited = {
    ...(auditId ? { auditId } : {}),
    ...(decision ? { decision: decision.decision, agreement: decision.agreement, rules: rulesOf(decision) } : {}),
  };
  if (error.code === 'policy-denied')
    return { index, requestId, status: 'refused', ...audited, outcome: 'refused', detail: error.detail };
  if (error.code === 'upstream-failed' || error.code === 'upstream-timeout' || error.code === 'invalid-request') {
    return { index, requestId, status: 'failed', ...audited, outcome: error.code, detail: error.detail };
  }
  // The audit log or the database could not be written: nothing was shared, and the record is tried again later.
  return null;
}

/**
 * A record whose decision was committed before the gateway stopped. It is not decided again (that would count it
 * twice against a cap and ask the partner twice): the line says what the log holds. The minimised answer itself
 * was never kept, so it cannot be given; the caller may ask again by a single call if it still needs it.
 */
export function recovered(index: number, requestId: string, logged: LoggedRequest): ResultLine {
  const base = { index, requestId, auditId: logged.auditId, recovered: true };
  if (logged.decision === 'deny')
    return {
      ...base,
      status: 'refused',
      decision: 'deny',
      outcome: 'refused',
      detail: 'Refused by the data-sharing policy; the decision in the audit log gives the reasons.',
    };
  const failed = logged.outcome === null || /(error|timeout|failed)$/.test(logged.outcome);
  if (logged.outcome === null) {
    return {
      ...base,
      status: 'failed',
      decision: 'permit',
      outcome: 'interrupted',
      detail:
        'The gateway stopped after this record was permitted and before its outcome was recorded; whether the partner answered is not known. It was not sent again.',
    };
  }
  return {
    ...base,
    status: failed ? 'failed' : 'permitted',
    decision: 'permit',
    outcome: logged.outcome,
    detail:
      'The gateway stopped after this record was answered and before its result was kept; the answer is in the audit log as an outcome but cannot be given again.',
  };
}
