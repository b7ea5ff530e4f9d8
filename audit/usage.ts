// How many exchanges an agreement has permitted in a month, from the counters the database keeps from the log
// itself (audit_cap_usage, one row per agreement, exchange and London month, added to by a trigger in the same
// statement that appends each permitted decision), so that the cap and the published figures come from the same
// place (¶6.106, fn 64), and reading a cap costs a few rows however busy the month was.
import type { Knex } from 'knex';
import type { IsoDate } from '../platform/london-day.ts';
import { knexQuery, literal, type RawQuery } from './raw-connection.ts';
import type { NewEntry } from './types.ts';

/** One monthly cap: an agreement's permits, in the exchanges its measure counts (all, when null), in a month. */
export interface CapKey {
  agreementId: string;
  exchanges: string[] | null;
  month: IsoDate;
}

export const capKeyId = (k: CapKey) => `${k.agreementId}|${k.month}|${k.exchanges?.join(',') ?? '*'}`;

/** The caps asked for, once each, as the JSON the counting query reads. */
function wanted(keys: CapKey[]): string | null {
  const unique = [...new Map(keys.map((k) => [capKeyId(k), k])).entries()];
  if (unique.length === 0) return null;
  return JSON.stringify(
    unique.map(([key, k]) => ({
      key,
      agreement: k.agreementId,
      month: k.month,
      ...(k.exchanges ? { exchanges: k.exchanges } : {}),
    })),
  );
}

const countsOf = (keysJson: string) => `
    select k.key, coalesce(sum(u.permits), 0) as used
    from jsonb_to_recordset(${keysJson}::jsonb) as k(key text, agreement text, month date, exchanges jsonb)
    left join audit_cap_usage u
      on u.agreement_id = k.agreement and u.month = k.month and (k.exchanges is null or k.exchanges @> to_jsonb(u.exchange))
    group by k.key`;

/** Every cap asked for, in one query. */
export async function permitsUnderCaps(query: RawQuery, keys: CapKey[]): Promise<Map<string, number>> {
  const json = wanted(keys);
  if (json === null) return new Map();
  const rows = await query(countsOf('$1'), [json]);
  return new Map((rows as { key: string; used: string | number }[]).map((r) => [r.key, Number(r.used)]));
}

/**
 * The same counts as one SQL expression (a JSON object from cap to permits), to be selected in a statement the
 * caller makes anyway, such as a group commit's head read; null when no cap is asked for, so nothing is read.
 */
export function permitsUnderCapsColumn(keys: CapKey[]): string | null {
  const json = wanted(keys);
  return json === null
    ? null
    : `select coalesce(jsonb_object_agg(c.key, c.used), '{}'::jsonb) from (${countsOf(literal(json))}) as c`;
}

/** What `permitsUnderCapsColumn` selected, as permits by cap. */
export function permitsFromColumn(value: unknown): Map<string, number> {
  const object = (typeof value === 'string' ? JSON.parse(value) : (value ?? {})) as Record<string, string | number>;
  return new Map(Object.entries(object).map(([key, used]) => [key, Number(used)]));
}

export async function permitsInMonth(
  db: Knex | Knex.Transaction,
  agreementId: string,
  exchanges: string[] | undefined,
  month: { start: IsoDate },
): Promise<number> {
  const key = { agreementId, exchanges: exchanges ?? null, month: month.start };
  return (await permitsUnderCaps(knexQuery(db), [key])).get(capKeyId(key)) ?? 0;
}

/** Permits among entries about to be committed with the caller's (the same group commit, so the same month). */
export function pendingPermits(pending: readonly NewEntry[], key: Pick<CapKey, 'agreementId' | 'exchanges'>): number {
  return pending.filter(
    (e) =>
      e.kind === 'decision' &&
      e.body.decision === 'permit' &&
      e.body.agreement?.id === key.agreementId &&
      (!key.exchanges || key.exchanges.includes(e.body.exchange)),
  ).length;
}
