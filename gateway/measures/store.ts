// Reads what the measures need from the audit log and nothing else, so that the figures and the cap the policy
// enforces come from one place (¶6.106, fn 64). Every read is bounded by the log head seen first, so one report is
// one consistent cut of the log.
import type { Knex } from 'knex';
import { permitsInMonth } from '../../audit/usage.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import { londonDay, monthOf } from '../../platform/london-day.ts';
import { addDays } from './periods.ts';
import { isFeedbackOutcome } from './feedback-outcomes.ts';
import type { LateRecord } from './signals.ts';
import type { ExchangeRecord, Window } from './types.ts';

type Json = Record<string, unknown>;
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const londonMidnight = `(?::timestamp at time zone 'Europe/London')`;

export function createMeasuresStore(db: Knex) {
  return {
    async head(): Promise<number> {
      const row = await db('audit_log').max<{ max: number | string | null }[]>({ max: 'seq' }).first();
      return Number(row?.max ?? 0);
    },

    /** Every decision made in the window (London days, inclusive), with its outcome and any feedback. */
    async records(window: Window, head: number): Promise<ExchangeRecord[]> {
      const rows: Json[] = (await db.raw(`
        -- knex reads a bare question mark as a binding, hence the escaped one in the JSON path.
        select d.id, d.recorded_at, d.body->>'decisionDate' as day, d.exchange, d.body->>'direction' as direction, d.party,
          d.body->>'partner' as partner, d.body->'agreement' as agreement, d.decision,
          jsonb_path_query_array(d.body, '$.rules[*] \\? (@.outcome == "deny").id') as denied,
          d.body->'directives' as directives,
          o.body->>'outcome' as outcome, o.body->'latencyMs' as latency, o.body->'referrals' as referrals,
          (select coalesce(jsonb_agg(jsonb_build_object('party', f.party, 'outcome', f.body->>'feedback') order by f.seq), '[]'::jsonb)
             from audit_log f where f.decision_id = d.id and f.kind = 'feedback' and f.seq <= ?) as feedback,
          (select c.body->>'completedAt' from audit_log c
             where c.decision_id = d.id and c.kind = 'feedback' and c.body->>'feedback' = 'completed' and c.seq <= ?
             order by c.seq limit 1) as completed_at
        from audit_log d
        left join lateral (
          select body from audit_log o where o.decision_id = d.id and o.kind = 'outcome' and o.seq <= ? order by o.seq limit 1
        ) o on true
        where d.kind = 'decision' and d.seq <= ?
          and d.recorded_at >= ${londonMidnight} and d.recorded_at < ${londonMidnight}
        order by d.seq`, [head, head, head, head, window.from, addDays(window.to, 1)])).rows;
      return rows.map((row): ExchangeRecord => {
        const agreement = parsed<{ id: string; version: string } | null>(row.agreement);
        const latency = parsed<unknown>(row.latency);
        const recordedAt = new Date(row.recorded_at as string).toISOString();
        return {
          auditId: row.id as string,
          recordedAt,
          day: (row.day as string | null) ?? londonDay(new Date(recordedAt)),
          exchange: row.exchange as string,
          direction: row.direction === 'inbound' ? 'inbound' : 'outbound',
          party: row.party as string,
          partner: (row.partner as string | null) ?? '',
          agreement: agreement ? { id: agreement.id, version: agreement.version } : null,
          decision: row.decision === 'permit' ? 'permit' : 'deny',
          deniedBy: strings(parsed(row.denied)),
          directives: strings(parsed(row.directives)),
          outcome: (row.outcome as string | null) ?? null,
          latencyMs: typeof latency === 'number' ? latency : null,
          completedAt: typeof row.completed_at === 'string' ? new Date(row.completed_at).toISOString() : null,
          referrals: strings(parsed(row.referrals)),
          feedback: parsed<{ party: string; outcome: string }[]>(row.feedback)
            .flatMap((f) => (isFeedbackOutcome(f.outcome) ? [{ party: f.party, outcome: f.outcome }] : [])),
        };
      });
    },

    /** The London day of the first entry in the log: before it the gateway saw nothing. */
    async logStartDay(): Promise<IsoDate | null> {
      const row = await db('audit_log').select('recorded_at').orderBy('seq').first();
      return row ? londonDay(new Date(row.recorded_at)) : null;
    },

    /** The London day of the latest decision for these exchanges under the agreement. */
    async lastSeen(agreementId: string, exchanges: string[]): Promise<IsoDate | null> {
      const row = await db('audit_log').max<{ max: Date | string | null }[]>({ max: 'recorded_at' })
        .where({ kind: 'decision', agreement_id: agreementId }).whereIn('exchange', exchanges).first();
      return row?.max ? londonDay(new Date(row.max)) : null;
    },

    /** Register changes marked as recorded after the fact (commands.ts), recorded since the day given. */
    async lateRecords(since: IsoDate): Promise<LateRecord[]> {
      const rows = await db('audit_log').select('body').where({ kind: 'register-change' })
        .whereRaw(`body->'afterTheFact' is not null`).where('recorded_at', '>=', `${since}T00:00:00Z`).orderBy('seq');
      return rows.map(({ body }) => {
        const b = typeof body === 'string' ? JSON.parse(body) : body;
        return { actor: b.actor, action: b.action, target: b.target, ...b.afterTheFact };
      });
    },

    /** Permits counted exactly as the monthly-cap rule counts them. */
    capUsed: (agreementId: string, exchanges: string[] | undefined, day: IsoDate) => permitsInMonth(db, agreementId, exchanges, monthOf(day)),
  };
}
export type MeasuresStore = ReturnType<typeof createMeasuresStore>;
