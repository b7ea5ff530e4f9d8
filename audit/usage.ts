// How many exchanges an agreement has permitted this month, read from the log itself so that the cap and
// the published figures come from the same place (¶6.106, fn 64).
import type { Knex } from 'knex';
import type { IsoDate } from '../mou-registry/types.ts';
import type { NewEntry } from './types.ts';

export async function permitsInMonth(
  db: Knex | Knex.Transaction,
  agreementId: string,
  exchanges: string[] | undefined,
  month: { start: IsoDate; next: IsoDate },
): Promise<number> {
  const query = db('audit_log')
    .count<{ count: string | number }[]>({ count: '*' })
    .where({ kind: 'decision', decision: 'permit', agreement_id: agreementId })
    .whereRaw(`recorded_at >= (?::timestamp at time zone 'Europe/London')`, [month.start])
    .whereRaw(`recorded_at < (?::timestamp at time zone 'Europe/London')`, [month.next]);
  if (exchanges) query.whereIn('exchange', exchanges);
  const row = await query.first();
  return Number(row?.count ?? 0);
}

/** Permits among entries about to be committed with the caller's (the same group commit, so the same month). */
export function pendingPermits(pending: readonly NewEntry[], agreementId: string, exchanges: string[] | undefined): number {
  return pending.filter((e) => {
    const body = e.body as { decision?: string; agreement?: { id?: string } | null; exchange?: string };
    return e.kind === 'decision' && body.decision === 'permit' && body.agreement?.id === agreementId && (!exchanges || exchanges.includes(body.exchange ?? ''));
  }).length;
}
