// Measures per collaboration, agreement and exchange, and sharing under each directive: pure grouping of what the
// database added up. Every level is summed from the same cells by the same figuresFrom, so the levels add up.
import { standingOn } from '../../mou-registry/lifecycle.ts';
import type { Agreement, AgreementVersion, Collaboration, Directive } from '../../mou-registry/types.ts';
import { isDirectiveKind, type DirectiveKind } from '../policy/directive-kinds.ts';
import type { RuleId } from '../policy/types.ts';
import type { Aggregates, DirectiveRow } from '../../audit/measure-queries.ts';
import { firstDirection, latenciesOf, tallyOf, type Cell } from './aggregated.ts';
import { figuresFrom } from './figures.ts';
import { slaFor, type Sla } from './sla.ts';
import type { Figures, Window } from './types.ts';

export interface RegisterView {
  collaborations: Collaboration[];
  agreements: Agreement[];
  versions: AgreementVersion[];
  directives: Directive[];
}

/** How much of a monthly cap the governing version's exchanges have used, counted as the cap rule counts it. */
export interface CapUse {
  agreementId: string;
  version: string;
  measure: string;
  monthlyCap: number;
  used: number;
  month: string;
}

export interface ExchangeMeasures {
  exchange: string;
  direction: 'outbound' | 'inbound' | null;
  sla: Sla | null;
  figures: Figures;
}
export interface AgreementMeasures {
  agreementId: string;
  title: string;
  governing: string | null;
  cap: CapUse | null;
  figures: Figures;
  exchanges: ExchangeMeasures[];
}
export interface CollaborationMeasures {
  collaborationId: string;
  title: string;
  kind: Collaboration['kind'];
  figures: Figures;
  agreements: AgreementMeasures[];
}
export interface DirectiveSharing {
  directiveId: string;
  title: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  /** The rule that applies the directive, when it is one that refuses. */
  rule: string | null;
  inScope: number;
  permitted: number;
  refused: number;
  refusedByDirective: number;
  windrushReferrals: number;
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

/** The version in force on the day, or else the latest to come into force. */
export function governingVersion(versions: readonly AgreementVersion[], day: string): AgreementVersion | undefined {
  return (
    versions.find((v) => standingOn(v, day).authorises) ??
    [...versions].filter((v) => v.inForceFrom !== null).sort((a, b) => (a.inForceFrom! < b.inForceFrom! ? 1 : -1))[0]
  );
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
  agg: Aggregates,
  agreementId: string | null,
  exchange: string,
  governing?: AgreementVersion,
): ExchangeMeasures {
  const match = (c: Cell) => c.agreementId === agreementId && c.exchange === exchange;
  return {
    exchange,
    direction: firstDirection(agg, match),
    sla: slaFor(governing, exchange),
    figures: figuresFrom(tallyOf(agg, match), latenciesOf(agg, { level: 'exchange', agreementId, exchange })),
  };
}

/** The report from what the database added up (aggregated.ts) over the window, up to the log head. */
export function buildReport(
  agg: Aggregates,
  register: RegisterView,
  window: Window,
  logHead: number,
  caps: readonly CapUse[],
): MeasuresReport {
  const collaborations = register.collaborations.map((c): CollaborationMeasures => {
    const agreements = register.agreements
      .filter((a) => a.collaborationId === c.id)
      .map((a): AgreementMeasures => {
        const versions = register.versions.filter((v) => v.agreementId === a.id);
        const governing = governingVersion(versions, window.to);
        const seen = agg.cells.filter((x) => x.agreementId === a.id).map((x) => x.exchange);
        const names = [...new Set([...versions.flatMap((v) => v.exchanges.map((e) => e.exchange)), ...seen])].sort();
        return {
          agreementId: a.id,
          title: a.title,
          governing: governing && standingOn(governing, window.to).authorises ? governing.version : null,
          cap: capOf(caps, a.id),
          figures: figuresFrom(
            tallyOf(agg, (x) => x.agreementId === a.id),
            latenciesOf(agg, { level: 'agreement', agreementId: a.id }),
          ),
          exchanges: names.map((name) => exchangeMeasures(agg, a.id, name, governing)),
        };
      });
    const ids = new Set(agreements.map((a) => a.agreementId));
    return {
      collaborationId: c.id,
      title: c.title,
      kind: c.kind,
      figures: figuresFrom(
        tallyOf(agg, (x) => x.agreementId !== null && ids.has(x.agreementId)),
        latenciesOf(agg, { level: 'collaboration', collaborationId: c.id }),
      ),
      agreements,
    };
  });

  const unattributed = [...new Set(agg.cells.filter((x) => x.agreementId === null).map((x) => x.exchange))]
    .sort((a, b) => (a < b ? -1 : 1))
    .map((name) => exchangeMeasures(agg, null, name));

  return {
    window,
    logHead,
    collaborations,
    unattributed,
    directives: register.directives.map((d) => directiveSharing(d, agg.directives)),
  };
}

export function directiveSharing(d: Directive, rows: readonly DirectiveRow[]): DirectiveSharing {
  const kind = d.condition.kind;
  const rule = isDirectiveKind(kind) ? directiveRules[kind] : 'unknown-directive';
  const s = d.scope;
  const inScope = rows.filter(
    (r) =>
      r.directiveId === d.id &&
      (!s.exchanges || s.exchanges.includes(r.exchange)) &&
      (!s.direction || s.direction === r.direction) &&
      (!s.parties || s.parties.includes(r.party) || s.parties.includes(r.partner)),
  );
  const sum = (count: (r: DirectiveRow) => number) => inScope.reduce((n, r) => n + count(r), 0);
  const total = sum((r) => r.inScope);
  const permitted = sum((r) => r.permitted);
  return {
    directiveId: d.id,
    title: d.title,
    effectiveFrom: d.effectiveFrom,
    effectiveTo: d.effectiveTo,
    rule,
    inScope: total,
    permitted,
    refused: total - permitted,
    refusedByDirective: rule ? sum((r) => r.deniedBy[rule] ?? 0) : 0,
    windrushReferrals: sum((r) => r.referrals),
  };
}
