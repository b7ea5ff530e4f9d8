// What the log already holds for one request id: how a batch record taken up again after a crash learns whether
// its decision was committed before the crash, so that it is never decided (and counted) twice.
import type { Knex } from 'knex';

export interface LoggedRequest {
  auditId: string;
  /** 'lookup' is a permitted request whose Home Office lookup had begun; the subject decision never followed. */
  decision: 'permit' | 'deny' | 'lookup';
  /** The outcome entry recorded against it, if any. */
  outcome: string | null;
}

export async function loggedRequest(db: Knex, requestId: string): Promise<LoggedRequest | null> {
  const last = await db('audit_log')
    .select('id', 'kind', 'decision')
    .whereIn('kind', ['decision', 'lookup'])
    .andWhereRaw(`body->>'requestId' = ?`, [requestId])
    .orderBy('seq', 'desc')
    .first();
  if (!last) return null;
  const outcome = await db('audit_log')
    .select(db.raw(`body->>'outcome' as outcome`))
    .where({ kind: 'outcome', decision_id: last.id })
    .first();
  return {
    auditId: last.id,
    decision: last.kind === 'lookup' ? 'lookup' : last.decision,
    outcome: outcome?.outcome ?? null,
  };
}
