// The measures as main computed them before issue 17, kept only for bench/measures.ts to time against: one row per
// decision read with three sub-queries each, then grouped and added up in JavaScript. Not used by the gateway.
import type { Knex } from 'knex';
import { isFeedbackOutcome } from '../gateway/measures/feedback-outcomes.ts';
import { figuresOf } from '../gateway/measures/figures.ts';
import { addDays } from '../gateway/measures/periods.ts';
import {
  directiveRules,
  governingVersion,
  type AgreementMeasures,
  type CapUse,
  type CollaborationMeasures,
  type DirectiveSharing,
  type ExchangeMeasures,
  type MeasuresReport,
  type RegisterView,
} from '../gateway/measures/report.ts';
import { slaFor, type Sla } from '../gateway/measures/sla.ts';
import type { ExchangeRecord, Window } from '../gateway/measures/types.ts';
import { standingOn } from '../mou-registry/lifecycle.ts';
import type { AgreementVersion, Directive } from '../mou-registry/types.ts';
import { isDirectiveKind } from '../gateway/policy/directive-kinds.ts';
import { londonDay } from '../platform/london-day.ts';

type Json = Record<string, unknown>;
const parsed = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const londonMidnight = `(?::timestamp at time zone 'Europe/London')`;

export async function oldRecords(db: Knex, window: Window, head: number): Promise<ExchangeRecord[]> {
  const rows: Json[] = (
    await db.raw(
      `
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
    order by d.seq`,
      [head, head, head, head, window.from, addDays(window.to, 1)],
    )
  ).rows;
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
      feedback: parsed<{ party: string; outcome: string }[]>(row.feedback).flatMap((f) =>
        isFeedbackOutcome(f.outcome) ? [{ party: f.party, outcome: f.outcome }] : [],
      ),
    };
  });
}

export function slaResolver(versions: readonly AgreementVersion[]) {
  const byKey = new Map(versions.map((v) => [`${v.agreementId}@${v.version}`, v]));
  return (r: ExchangeRecord): Sla | null =>
    r.agreement ? slaFor(byKey.get(`${r.agreement.id}@${r.agreement.version}`), r.exchange) : null;
}

function capOf(caps: readonly CapUse[], agreementId: string): CapUse | null {
  const c = caps.find((x) => x.agreementId === agreementId);
  return c
    ? {
        agreementId: c.agreementId,
        version: c.version,
        measure: c.measure,
        monthlyCap: c.monthlyCap,
        used: c.used,
        month: c.month,
      }
    : null;
}

function exchangeMeasures(
  exchange: string,
  records: ExchangeRecord[],
  slaOf: (r: ExchangeRecord) => Sla | null,
  governing?: AgreementVersion,
): ExchangeMeasures {
  return {
    exchange,
    direction: records[0]?.direction ?? null,
    sla: slaFor(governing, exchange),
    figures: figuresOf(records, slaOf),
  };
}

export function oldBuildReport(
  records: readonly ExchangeRecord[],
  register: RegisterView,
  window: Window,
  logHead: number,
  caps: readonly CapUse[],
): MeasuresReport {
  const slaOf = slaResolver(register.versions);
  const byAgreement = new Map<string, ExchangeRecord[]>();
  for (const r of records) {
    const key = r.agreement?.id ?? '';
    byAgreement.set(key, [...(byAgreement.get(key) ?? []), r]);
  }
  const group = (list: ExchangeRecord[]) => {
    const byExchange = new Map<string, ExchangeRecord[]>();
    for (const r of list) byExchange.set(r.exchange, [...(byExchange.get(r.exchange) ?? []), r]);
    return byExchange;
  };

  const collaborations = register.collaborations.map((c): CollaborationMeasures => {
    const agreements = register.agreements
      .filter((a) => a.collaborationId === c.id)
      .map((a): AgreementMeasures => {
        const mine = byAgreement.get(a.id) ?? [];
        const versions = register.versions.filter((v) => v.agreementId === a.id);
        const governing = governingVersion(versions, window.to);
        const byExchange = group(mine);
        const names = [
          ...new Set([...versions.flatMap((v) => v.exchanges.map((e) => e.exchange)), ...byExchange.keys()]),
        ].sort();
        return {
          agreementId: a.id,
          title: a.title,
          governing: governing && standingOn(governing, window.to).authorises ? governing.version : null,
          cap: capOf(caps, a.id),
          figures: figuresOf(mine, slaOf),
          exchanges: names.map((name) => exchangeMeasures(name, byExchange.get(name) ?? [], slaOf, governing)),
        };
      });
    const ids = new Set(agreements.map((a) => a.agreementId));
    return {
      collaborationId: c.id,
      title: c.title,
      kind: c.kind,
      figures: figuresOf(
        records.filter((r) => r.agreement && ids.has(r.agreement.id)),
        slaOf,
      ),
      agreements,
    };
  });

  const unattributed = [...group(byAgreement.get('') ?? []).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, list]) => exchangeMeasures(name, list, slaOf));

  return {
    window,
    logHead,
    collaborations,
    unattributed,
    directives: register.directives.map((d) => directiveSharing(d, records)),
  };
}

function directiveSharing(d: Directive, records: readonly ExchangeRecord[]): DirectiveSharing {
  const kind = d.condition.kind;
  const rule = isDirectiveKind(kind) ? directiveRules[kind] : 'unknown-directive';
  const s = d.scope;
  const inScope = records.filter(
    (r) =>
      r.directives.includes(d.id) &&
      (!s.exchanges || s.exchanges.includes(r.exchange)) &&
      (!s.direction || s.direction === r.direction) &&
      (!s.parties || s.parties.includes(r.party) || s.parties.includes(r.partner)),
  );
  const permitted = inScope.filter((r) => r.decision === 'permit').length;
  return {
    directiveId: d.id,
    title: d.title,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    rule,
    inScope: inScope.length,
    permitted,
    refused: inScope.length - permitted,
    refusedByDirective: rule ? inScope.filter((r) => r.deniedBy.includes(rule)).length : 0,
    windrushReferrals: inScope.filter((r) => r.referrals.includes('windrush-taskforce')).length,
  };
}
