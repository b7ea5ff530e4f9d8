// How many exchanges an agreement has permitted this month, read from the log itself so that the cap and
// the published figures come from the same place (¶6.106, fn 64).
import type { Knex } from 'knex';
import type { IsoDate } from '../mou-registry/types.ts';

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
