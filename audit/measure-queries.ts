// What the measures read from the audit log, added up by the database: counts per agreement, exchange and period,
// response-time percentiles per level, and sharing under each directive, never one row per decision. The caller
// (gateway/measures) supplies the vocabulary (which outcomes failed, which feedback says the data were wrong) and
// the SLAs of the register as plain data; this file only knows the log. Every read is bounded by a log head.
import type { Knex } from 'knex';
import type { IsoDate } from '../platform/london-day.ts';
import { londonDay, londonMidnight } from '../platform/london-day.ts';
import { withRawConnection } from './raw-connection.ts';
import { stored, type StoredBody } from './types.ts';

/** An SLA as the database applies it: by the clock (hours), or by a working-day deadline for each request day. */
export interface SlaRow {
  agreementId: string;
  version: string;
  exchange: string | null;
  hours: number | null;
  workingDays: number | null;
}
/** The last London day on which a request made on `day` still meets an SLA of `workingDays` working days. */
export interface DeadlineRow {
  workingDays: number;
  day: IsoDate;
  last: IsoDate;
}

export interface AggregateQuery {
  window: { from: IsoDate; to: IsoDate };
  head: number;
  /** Group the counts by this period of the decision's day as well; none: the window as a whole. */
  interval?: 'day' | 'week' | 'month';
  /** Only decisions under these agreements; none: every decision. */
  agreementIds?: string[];
  /** Each agreement's collaboration, for the percentiles of a collaboration as a whole. */
  collaborations: Record<string, string>;
  vocabulary: {
    feedbackOutcomes: readonly string[];
    inaccurate: readonly string[];
    failed: readonly string[];
    completed: string;
  };
  slas: SlaRow[];
  deadlines: DeadlineRow[];
  /** Sharing under each directive too (the report's; the series have none). */
  directives: boolean;
}

/** Additive counts for one agreement (null: none covered it), exchange and period (null: the whole window). */
export interface CellRow {
  agreementId: string | null;
  exchange: string;
  period: IsoDate | null;
  firstSeq: number;
  firstDirection: 'outbound' | 'inbound';
  requests: number;
  outbound: number;
  permitted: number;
  referrals: number;
  within: number;
  breached: number;
  unknown: number;
  delivered: number;
  withFeedback: number;
  inaccurate: number;
  corrected: number;
}
export interface KeyedCount {
  agreementId: string | null;
  exchange: string;
  period: IsoDate | null;
  key: string;
  n: number;
}
export interface LatencyRow {
  level: 'exchange' | 'agreement' | 'collaboration';
  agreementId: string | null;
  exchange: string | null;
  collaborationId: string | null;
  period: IsoDate | null;
  measured: number;
  p50: number | null;
  p95: number | null;
}
export interface DirectiveRow {
  directiveId: string;
  exchange: string;
  direction: 'outbound' | 'inbound';
  party: string;
  partner: string;
  inScope: number;
  permitted: number;
  referrals: number;
  /** Decisions refused by each rule (a decision counts once per rule however often the rule is named). */
  deniedBy: Record<string, number>;
}

export interface Aggregates {
  cells: CellRow[];
  outcomes: KeyedCount[];
  refusals: KeyedCount[];
  feedback: KeyedCount[];
  latencies: LatencyRow[];
  directives: DirectiveRow[];
}

const periodOf: Record<string, string> = {
  day: 'd.day',
  week: `to_char(date_trunc('week', d.day::timestamp), 'YYYY-MM-DD')`,
  month: `substr(d.day, 1, 7) || '-01'`,
};

// $1 head, $2 from instant, $3 to instant (exclusive), $4 agreement filter, $5 vocabulary, $6 slas, $7 deadlines,
// $8 collaborations. One statement, so the decisions of the window are joined to their outcomes and feedback once.
export function aggregateSql(q: AggregateQuery): string {
  const period = q.interval ? periodOf[q.interval] : 'null::text';
  const keys = 'agreement_id, exchange, period';
  const scope = 'directive_id, exchange, direction, party, partner';
  const directives = q.directives
    ? `
    union all
    select 'directive', to_jsonb(t) from (
      select ${scope}, count(*) as in_scope, count(*) filter (where permitted) as permitted,
        count(*) filter (where windrush) as referrals
      from xd group by ${scope}) t
    union all
    select 'directive-refusal', to_jsonb(t) from (
      select ${scope}, rule as key, count(distinct seq) as n from xd, unnest(denied) rule group by ${scope}, rule) t`
    : '';
  return `
    with d as materialized (
      select seq, id, recorded_at, exchange, party, agreement_id,
        coalesce(body->>'decisionDate', to_char(recorded_at at time zone 'Europe/London', 'YYYY-MM-DD')) as day,
        case when body->>'direction' = 'inbound' then 'inbound' else 'outbound' end as direction,
        coalesce(body->>'partner', '') as partner, body->'agreement'->>'version' as version,
        decision = 'permit' as permitted, body->'directives' as directives,
        array(select r->>'id' from jsonb_array_elements(case when jsonb_typeof(body->'rules') = 'array'
          then body->'rules' else '[]' end) r
          where r->>'outcome' = 'deny' and jsonb_typeof(r->'id') = 'string') as denied
      from audit_log
      where kind = 'decision' and seq <= $1 and recorded_at >= $2 and recorded_at < $3
        and ($4::jsonb is null or agreement_id in (select jsonb_array_elements_text($4::jsonb)))
    ),
    -- An outcome or feedback is appended after its decision, so none lies before the window's first decision.
    o as (
      select distinct on (decision_id) decision_id, body->>'outcome' as outcome,
        case when jsonb_typeof(body->'latencyMs') = 'number' then (body->>'latencyMs')::float8 end as latency,
        coalesce(jsonb_typeof(body->'referrals') = 'array' and body->'referrals' @> '["windrush-taskforce"]', false)
          as windrush
      from audit_log
      where kind = 'outcome' and seq <= $1 and seq > (select coalesce(min(seq), 0) from d)
        and decision_id in (select id from d)
      order by decision_id, seq
    ),
    f as (
      select decision_id,
        coalesce(array_agg(distinct body->>'feedback')
          filter (where body->>'feedback'
            = any(array(select jsonb_array_elements_text($5::jsonb->'feedbackOutcomes')))),
          '{}') as reported,
        ((array_agg(body->>'completedAt' order by seq) filter (where body->>'feedback' = $5::jsonb->>'completed'))[1])
          ::timestamptz as completed_at
      from audit_log
      where kind = 'feedback' and seq <= $1 and seq > (select coalesce(min(seq), 0) from d)
        and decision_id in (select id from d)
      group by decision_id
    ),
    sla as (select * from jsonb_to_recordset($6::jsonb) as s(agreement text, version text, exchange text, hours float8,
      working_days int)),
    deadline as (select * from jsonb_to_recordset($7::jsonb) as t(working_days int, day text, last text)),
    x as materialized (
      select d.seq, d.day, ${period} as period, d.exchange, d.direction, d.party, d.partner, d.agreement_id,
        d.permitted, d.denied, d.directives, coalesce(o.windrush, false) as windrush,
        d.permitted and o.outcome is not null as answered, o.outcome, o.latency,
        d.permitted and o.outcome is not null
          and not (o.outcome = any(array(select jsonb_array_elements_text($5::jsonb->'failed')))) as delivered,
        coalesce(f.reported, '{}') as reported,
        case
          when s.agreement is null then null
          when f.completed_at is null then 'unknown'
          when s.hours is not null then case when f.completed_at - date_trunc('milliseconds', d.recorded_at)
            <= s.hours * interval '1 hour' then 'within' else 'breached' end
          when to_char(f.completed_at at time zone 'Europe/London', 'YYYY-MM-DD') <= dl.last then 'within'
          else 'breached'
        end as judged
      from d
      left join o on o.decision_id = d.id
      left join f on f.decision_id = d.id
      left join lateral (select * from sla where sla.agreement = d.agreement_id and sla.version = d.version
        and (sla.exchange = d.exchange or sla.exchange is null) order by sla.exchange is null limit 1) s on true
      left join deadline dl on dl.working_days = s.working_days
        and dl.day = to_char(d.recorded_at at time zone 'Europe/London', 'YYYY-MM-DD')
    ),
    xd as (
      select x.*, dd.directive_id from x, lateral (select distinct jsonb_array_elements_text(
        case when jsonb_typeof(x.directives) = 'array' then x.directives else '[]' end) as directive_id) dd
    )
    select 'cell' as what, to_jsonb(t) as row from (
      select ${keys}, min(seq) as first_seq, (array_agg(direction order by seq))[1] as first_direction,
        count(*) as requests, count(*) filter (where direction = 'outbound') as outbound,
        count(*) filter (where permitted) as permitted, count(*) filter (where answered and windrush) as referrals,
        count(*) filter (where answered and judged = 'within') as within,
        count(*) filter (where answered and judged = 'breached') as breached,
        count(*) filter (where answered and judged = 'unknown') as unknown,
        count(*) filter (where delivered) as delivered,
        count(*) filter (where delivered and cardinality(reported) > 0) as with_feedback,
        count(*) filter (where delivered
          and reported && array(select jsonb_array_elements_text($5::jsonb->'inaccurate'))) as inaccurate,
        count(*) filter (where delivered and 'corrected' = any(reported)) as corrected
      from x group by ${keys}) t
    union all
    select 'outcome', to_jsonb(t) from (
      select ${keys}, outcome as key, count(*) as n from x where answered group by ${keys}, outcome) t
    union all
    select 'refusal', to_jsonb(t) from (
      select ${keys}, rule as key, count(*) as n from x, unnest(denied) rule where not permitted
      group by ${keys}, rule) t
    union all
    select 'feedback', to_jsonb(t) from (
      select ${keys}, fb as key, count(*) as n from x, unnest(reported) fb where delivered group by ${keys}, fb) t
    union all
    select 'latency', to_jsonb(t) from (
      select grouping(x.agreement_id, x.exchange, c.collaboration) as level, x.agreement_id, x.exchange,
        c.collaboration, x.period, count(*) as measured,
        percentile_disc(0.5) within group (order by latency) as p50,
        percentile_disc(0.95) within group (order by latency) as p95
      from x left join jsonb_each_text($8::jsonb) c(agreement, collaboration) on c.agreement = x.agreement_id
      where answered and latency is not null
      group by grouping sets ((x.agreement_id, x.exchange, x.period), (x.agreement_id, x.period),
        (c.collaboration, x.period))) t${directives}`;
}

type Json = Record<string, unknown>;
const keyed = (r: Json): KeyedCount => ({
  agreementId: (r.agreement_id as string | null) ?? null,
  exchange: r.exchange as string,
  period: (r.period as string | null) ?? null,
  key: r.key as string,
  n: Number(r.n),
});
const levels: Record<number, LatencyRow['level']> = { 1: 'exchange', 3: 'agreement', 6: 'collaboration' };

/** The measures' figures for a window, added up by the database in one statement. */
export async function aggregateDecisions(db: Knex, q: AggregateQuery): Promise<Aggregates> {
  const rows = await withRawConnection(db, async (query) => {
    await query('begin');
    try {
      // PostgreSQL would JIT-compile this statement's many expressions: seconds of compiling for milliseconds of
      // running. Its sorts and hashes of a long window spill to disk at the default work_mem: 18 s against 11 s
      // for 400 days of 1M entries (npm run bench:measures). Both for this transaction only.
      await query(`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true)`);
      const result = await query(aggregateSql(q), aggregateParams(q));
      await query('commit');
      return result;
    } catch (error) {
      await query('rollback');
      throw error;
    }
  });
  return fromRows(rows as { what: string; row: unknown }[]);
}

/** The statement's parameters, in its order. */
export function aggregateParams(q: AggregateQuery): unknown[] {
  return [
    q.head,
    londonMidnight(q.window.from).toISOString(),
    londonMidnight(addDay(q.window.to)).toISOString(),
    q.agreementIds ? JSON.stringify(q.agreementIds) : null,
    JSON.stringify(q.vocabulary),
    JSON.stringify(
      q.slas.map((s) => ({
        agreement: s.agreementId,
        version: s.version,
        exchange: s.exchange,
        hours: s.hours,
        working_days: s.workingDays,
      })),
    ),
    JSON.stringify(q.deadlines.map((d) => ({ working_days: d.workingDays, day: d.day, last: d.last }))),
    JSON.stringify(q.collaborations),
  ];
}

function fromRows(rows: { what: string; row: unknown }[]): Aggregates {
  const out: Aggregates = { cells: [], outcomes: [], refusals: [], feedback: [], latencies: [], directives: [] };
  const refusalsInScope: Json[] = [];
  for (const { what, row } of rows) {
    const r = (typeof row === 'string' ? JSON.parse(row) : row) as Json;
    if (what === 'cell') {
      out.cells.push({
        agreementId: (r.agreement_id as string | null) ?? null,
        exchange: r.exchange as string,
        period: (r.period as string | null) ?? null,
        firstSeq: Number(r.first_seq),
        firstDirection: r.first_direction === 'inbound' ? 'inbound' : 'outbound',
        requests: Number(r.requests),
        outbound: Number(r.outbound),
        permitted: Number(r.permitted),
        referrals: Number(r.referrals),
        within: Number(r.within),
        breached: Number(r.breached),
        unknown: Number(r.unknown),
        delivered: Number(r.delivered),
        withFeedback: Number(r.with_feedback),
        inaccurate: Number(r.inaccurate),
        corrected: Number(r.corrected),
      });
    } else if (what === 'outcome') out.outcomes.push(keyed(r));
    else if (what === 'refusal') out.refusals.push(keyed(r));
    else if (what === 'feedback') out.feedback.push(keyed(r));
    else if (what === 'latency') {
      out.latencies.push({
        level: levels[Number(r.level)] ?? 'exchange',
        agreementId: (r.agreement_id as string | null) ?? null,
        exchange: (r.exchange as string | null) ?? null,
        collaborationId: (r.collaboration as string | null) ?? null,
        period: (r.period as string | null) ?? null,
        measured: Number(r.measured),
        p50: r.p50 === null ? null : Number(r.p50),
        p95: r.p95 === null ? null : Number(r.p95),
      });
    } else if (what === 'directive') {
      out.directives.push({
        directiveId: r.directive_id as string,
        exchange: r.exchange as string,
        direction: r.direction === 'inbound' ? 'inbound' : 'outbound',
        party: r.party as string,
        partner: r.partner as string,
        inScope: Number(r.in_scope),
        permitted: Number(r.permitted),
        referrals: Number(r.referrals),
        deniedBy: {},
      });
    } else if (what === 'directive-refusal') refusalsInScope.push(r);
  }
  for (const r of refusalsInScope) {
    const row = out.directives.find(
      (x) =>
        x.directiveId === r.directive_id &&
        x.exchange === r.exchange &&
        x.direction === r.direction &&
        x.party === r.party &&
        x.partner === r.partner,
    );
    if (row) row.deniedBy[r.key as string] = Number(r.n);
  }
  return out;
}

const addDay = (day: IsoDate): IsoDate =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The head of the log: every read of one report is bounded by it, so a report is one consistent cut. */
export async function logHead(db: Knex): Promise<number> {
  const row = await db('audit_log').max<{ max: number | string | null }[]>({ max: 'seq' }).first();
  return Number(row?.max ?? 0);
}

/** The size of the log's table with its indexes, in bytes. */
export async function logBytes(db: Knex): Promise<number> {
  const result = await db.raw(`select pg_total_relation_size('audit_log') as bytes`);
  return Number(result.rows[0].bytes);
}

/** The London day of the first entry in the log: before it the gateway saw nothing. */
export async function logStartDay(db: Knex): Promise<IsoDate | null> {
  const row = await db('audit_log').select('recorded_at').orderBy('seq').first();
  return row ? londonDay(new Date(row.recorded_at)) : null;
}

/** The London day of the latest decision for these exchanges under the agreement. */
export async function lastDecisionDay(db: Knex, agreementId: string, exchanges: string[]): Promise<IsoDate | null> {
  const row = await db('audit_log')
    .max<{ max: Date | string | null }[]>({ max: 'recorded_at' })
    .where({ kind: 'decision', agreement_id: agreementId })
    .whereIn('exchange', exchanges)
    .first();
  return row?.max ? londonDay(new Date(row.max)) : null;
}

/** The bodies of register changes marked as recorded after the fact, recorded since the day given, oldest first. */
export async function lateRegisterChanges(db: Knex, since: IsoDate): Promise<StoredBody<'register-change'>[]> {
  const rows = await db('audit_log')
    .select('body')
    .where({ kind: 'register-change' })
    .whereRaw(`body->'afterTheFact' is not null`)
    .where('recorded_at', '>=', `${since}T00:00:00Z`)
    .orderBy('seq');
  return rows.map(({ body }) => stored('register-change', body).body);
}
