// Measures per collaboration, agreement and exchange, and sharing under each directive: pure grouping of exchange
// records. Every level is computed from the same records by the same figuresOf, so the levels always add up.
import { standingOn } from '../../mou-registry/lifecycle.ts';
import type { Agreement, AgreementVersion, Collaboration, Directive } from '../../mou-registry/types.ts';
import { isDirectiveKind, type DirectiveKind } from '../policy/directive-kinds.ts';
import type { RuleId } from '../policy/types.ts';
import { figuresOf } from './figures.ts';
import { slaFor, type Sla } from './sla.ts';
import type { ExchangeRecord, Figures, Window } from './types.ts';

export interface RegisterView { collaborations: Collaboration[]; agreements: Agreement[]; versions: AgreementVersion[]; directives: Directive[] }

/** How much of a monthly cap the governing version's exchanges have used, counted as the cap rule counts it. */
export interface CapUse { agreementId: string; version: string; measure: string; monthlyCap: number; used: number; month: string }

export interface ExchangeMeasures { exchange: string; direction: 'outbound' | 'inbound' | null; sla: Sla | null; figures: Figures }
export interface AgreementMeasures { agreementId: string; title: string; governing: string | null; cap: CapUse | null; figures: Figures; exchanges: ExchangeMeasures[] }
export interface CollaborationMeasures { collaborationId: string; title: string; kind: Collaboration['kind']; figures: Figures; agreements: AgreementMeasures[] }
export interface DirectiveSharing {
  directiveId: string; title: string; effectiveFrom: string; effectiveTo: string | null;
  /** The rule that applies the directive, when it is one that refuses. */
  rule: string | null;
  inScope: number; permitted: number; refused: number; refusedByDirective: number; windrushReferrals: number;
}
export interface MeasuresReport {
  window: Window;
  /** The last audit entry the figures were read up to: the same head and window always give the same figures. */
  logHead: number;
  collaborations: CollaborationMeasures[];
  /** Exchanges no agreement covered (every one refused). */
  unattributed: ExchangeMeasures[];
  directives: DirectiveSharing[];
}

/** The rule that refuses under each directive kind; a kind no rule handles is refused by unknown-directive. */
export const directiveRules: Record<DirectiveKind, RuleId | null> = {
  'pause-over-age': 'windrush-pause',
  'only-under-age-facing-deportation': 'financial-services-age',
  'allowed-purposes': 'nhs-narrowed-scope',
  'refer-windrush-profile': null,
};

export function slaResolver(versions: readonly AgreementVersion[]) {
  const byKey = new Map(versions.map((v) => [`${v.agreementId}@${v.version}`, v]));
  return (r: ExchangeRecord): Sla | null => (r.agreement ? slaFor(byKey.get(`${r.agreement.id}@${r.agreement.version}`), r.exchange) : null);
}

/** The version in force on the day, or else the latest to come into force. */
export function governingVersion(versions: readonly AgreementVersion[], day: string): AgreementVersion | undefined {
  return versions.find((v) => standingOn(v, day).authorises)
    ?? [...versions].filter((v) => v.inForceFrom !== null).sort((a, b) => (a.inForceFrom! < b.inForceFrom! ? 1 : -1))[0];
}

function capOf(caps: readonly CapUse[], agreementId: string): CapUse | null {
  const c = caps.find((x) => x.agreementId === agreementId);
  return c ? { agreementId: c.agreementId, version: c.version, measure: c.measure, monthlyCap: c.monthlyCap, used: c.used, month: c.month } : null;
}

function exchangeMeasures(exchange: string, records: ExchangeRecord[], slaOf: (r: ExchangeRecord) => Sla | null, governing?: AgreementVersion): ExchangeMeasures {
  return {
    exchange,
    direction: records[0]?.direction ?? null,
    sla: slaFor(governing, exchange),
    figures: figuresOf(records, slaOf),
  };
}

export function buildReport(records: readonly ExchangeRecord[], register: RegisterView, window: Window, logHead: number, caps: readonly CapUse[]): MeasuresReport {
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
    const agreements = register.agreements.filter((a) => a.collaborationId === c.id).map((a): AgreementMeasures => {
      const mine = byAgreement.get(a.id) ?? [];
      const versions = register.versions.filter((v) => v.agreementId === a.id);
      const governing = governingVersion(versions, window.to);
      const byExchange = group(mine);
      const names = [...new Set([...versions.flatMap((v) => v.exchanges.map((e) => e.exchange)), ...byExchange.keys()])].sort();
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
      figures: figuresOf(records.filter((r) => r.agreement && ids.has(r.agreement.id)), slaOf),
      agreements,
    };
  });

  const unattributed = [...group(byAgreement.get('') ?? []).entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, list]) => exchangeMeasures(name, list, slaOf));

  return { window, logHead, collaborations, unattributed, directives: register.directives.map((d) => directiveSharing(d, records)) };
}

export function directiveSharing(d: Directive, records: readonly ExchangeRecord[]): DirectiveSharing {
  const kind = d.condition.kind;
  const rule = isDirectiveKind(kind) ? directiveRules[kind] : 'unknown-directive';
  const s = d.scope;
  const inScope = records.filter((r) => r.directives.includes(d.id)
    && (!s.exchanges || s.exchanges.includes(r.exchange))
    && (!s.direction || s.direction === r.direction)
    && (!s.parties || s.parties.includes(r.party) || s.parties.includes(r.partner)));
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
