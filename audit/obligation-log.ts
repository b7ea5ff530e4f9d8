// What the log says about obligations: the completed exchanges that put a duty on someone (an outcome that referred
// a case to the Windrush Taskforce; a permitted NHS debtor return), and the confirmations that the duty was done.
// Only reads; the gateway's obligations module turns these rows into obligations with due dates.
import type { Knex } from 'knex';
import { stored } from './types.ts';

export interface ObligationSourceRow {
  decisionId: string;
  exchange: string;
  agreementId: string | null;
  /** The party that made the request (the Trust, for a debtor return). */
  party: string;
  outcome: string | null;
  referred: boolean;
  completedAt: string;
}

export interface ConfirmationRow {
  auditId: string;
  obligationId: string;
  party: string;
  clientId: string;
  recordedAt: string;
}

type Json = Record<string, unknown>;
const iso = (v: unknown) => new Date(v as string).toISOString();

export async function obligationSources(db: Knex, decisionId?: string): Promise<ObligationSourceRow[]> {
  const rows: Json[] = (
    await db.raw(
      `
    select d.id, d.exchange, d.agreement_id, d.party, o.body->>'outcome' as outcome, o.recorded_at,
      coalesce(o.body->'referrals', '[]'::jsonb) @> '["windrush-taskforce"]'::jsonb as referred
    from audit_log o join audit_log d on d.id = o.decision_id and d.kind = 'decision' and d.decision = 'permit'
    where o.kind = 'outcome'
      and (o.body->'referrals' @> '["windrush-taskforce"]'::jsonb or d.exchange = 'nhs.debtor-return')
      ${decisionId ? 'and d.id = ?' : ''}
    order by o.seq`,
      decisionId ? [decisionId] : [],
    )
  ).rows;
  return rows.map((r) => ({
    decisionId: r.id as string,
    exchange: r.exchange as string,
    agreementId: (r.agreement_id as string | null) ?? null,
    party: r.party as string,
    outcome: (r.outcome as string | null) ?? null,
    referred: r.referred === true,
    completedAt: iso(r.recorded_at),
  }));
}

export async function obligationConfirmations(db: Knex, obligationId?: string): Promise<ConfirmationRow[]> {
  const query = db('audit_log')
    .where({ kind: 'obligation-confirmation' })
    .select('id', 'recorded_at', 'body')
    .orderBy('seq');
  if (obligationId) query.whereRaw(`body->>'obligationId' = ?`, [obligationId]);
  return (await query).map((r) => {
    const b = stored('obligation-confirmation', r.body).body;
    return {
      auditId: r.id,
      obligationId: b.obligationId,
      party: b.party,
      clientId: b.clientId,
      recordedAt: iso(r.recorded_at),
    };
  });
}
