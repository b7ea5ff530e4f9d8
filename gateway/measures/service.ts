// Puts the register and the log together: the measures report, one collaboration's figures over time, and the
// signals. Reads only; the figures are recomputed from the log each time, never stored beside it.
import type { ChainHealth } from '../../audit/chain-health.ts';
import { standingOn } from '../../mou-registry/lifecycle.ts';
import type { RegisterStore } from '../../mou-registry/store.ts';
import type { AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { addDays, daysBetween, periodStart, type Interval } from './periods.ts';
import { buildReport, type CollaborationMeasures, type RegisterView } from './report.ts';
import { seriesOf, type SeriesPoint } from './series.ts';
import {
  signalsOf,
  thresholds,
  type CapState,
  type FeedState,
  type OverdueObligation,
  type Signal,
} from './signals.ts';
import type { ReportedMeasure } from './reported.ts';
import type { MeasuresStore } from './store.ts';
import type { Window } from './types.ts';

export interface MeasuresDeps {
  store: MeasuresStore;
  register: Pick<RegisterStore, 'collaborations' | 'agreements' | 'allVersions' | 'directives'>;
  today: () => IsoDate;
  /** Whether the audit chain is known to be broken, read afresh for each list of signals. */
  chain?: { refresh(): Promise<ChainHealth> };
  /** Obligations past due and unconfirmed (gateway/obligations), for the obligation-overdue signal. */
  overdueObligations?: () => Promise<OverdueObligation[]>;
  /** Figures an SRO recorded for work outside the gateway (reported.ts), shown beside the log's own. */
  reported?: (collaborationId: string, window: Window) => Promise<ReportedMeasure[]>;
  /** Obligations on decisions under these agreements, counted by status (gateway/obligations). */
  obligationCounts?: (agreementIds: ReadonlySet<string>) => Promise<ObligationCounts>;
  /** Joint reviews not signed off in time and improvement actions overdue (joint-review-signals.ts). */
  jointReviewSignals?: () => Promise<Signal[]>;
}

export interface ObligationCounts {
  open: number;
  overdue: number;
  confirmed: number;
}

export const maxWindowDays = 400;

export function createMeasures(deps: MeasuresDeps) {
  async function registerView(): Promise<RegisterView> {
    const [collaborations, agreements, versions, directives] = await Promise.all([
      deps.register.collaborations(),
      deps.register.agreements(),
      deps.register.allVersions(),
      deps.register.directives(),
    ]);
    return { collaborations, agreements, versions, directives };
  }

  /** Each agreement's version in force on the day, with the collaboration it belongs to. */
  function governing(view: RegisterView, day: IsoDate): { collaborationId: string; version: AgreementVersion }[] {
    return view.agreements.flatMap((a) => {
      const v = view.versions.find((x) => x.agreementId === a.id && standingOn(x, day).authorises);
      return v ? [{ collaborationId: a.collaborationId, version: v }] : [];
    });
  }

  async function caps(view: RegisterView, day: IsoDate): Promise<CapState[]> {
    const out: CapState[] = [];
    for (const { collaborationId, version: v } of governing(view, day)) {
      const m = v.measures.find((x) => x.monthlyCap !== undefined);
      if (!m) continue;
      const used = await deps.store.capUsed(v.agreementId, m.exchanges, day);
      out.push({
        collaborationId,
        agreementId: v.agreementId,
        version: v.version,
        measure: m.code,
        monthlyCap: m.monthlyCap!,
        used,
        month: day.slice(0, 7),
      });
    }
    return out;
  }

  function checkWindow(window: Window): Window {
    if (window.from > window.to)
      throw new GatewayError('invalid-request', 'from must be on or before to', {
        errors: [{ field: 'from', message: 'is after to' }],
      });
    if (daysBetween(window.from, window.to) >= maxWindowDays) {
      throw new GatewayError('invalid-request', `A window may span at most ${maxWindowDays} days`, {
        errors: [{ field: 'from', message: 'is too long before to' }],
      });
    }
    return window;
  }

  async function report(window: Window) {
    checkWindow(window);
    const head = await deps.store.head();
    const view = await registerView();
    const aggregates = await deps.store.aggregates(window, head, view);
    return { head, view, report: buildReport(aggregates, view, window, head, await caps(view, deps.today())) };
  }

  return {
    /** This month so far: the month the caps count. */
    defaultWindow: (): Window => ({ from: `${deps.today().slice(0, 7)}-01`, to: deps.today() }),
    /** The last twelve weeks, whole weeks from Monday. */
    defaultSeriesWindow: (): Window => ({
      from: periodStart(addDays(deps.today(), -7 * 11), 'week'),
      to: deps.today(),
    }),

    report: async (window: Window) => (await report(window)).report,

    async collaboration(
      collaborationId: string,
      window: Window,
      interval: Interval,
    ): Promise<{
      logHead: number;
      window: Window;
      interval: Interval;
      measures: CollaborationMeasures;
      series: SeriesPoint[];
      reported?: ReportedMeasure[];
      obligations?: ObligationCounts;
    }> {
      const { head, view, report: r } = await report(window);
      const measures = r.collaborations.find((c) => c.collaborationId === collaborationId);
      if (!measures) throw new GatewayError('not-found', 'There is no such collaboration in the register');
      const ids = new Set(measures.agreements.map((a) => a.agreementId));
      const periods = await deps.store.aggregates(window, head, view, { collaborationId, interval });
      const reported = deps.reported ? { reported: await deps.reported(collaborationId, window) } : {};
      const obligations = deps.obligationCounts ? { obligations: await deps.obligationCounts(ids) } : {};
      return {
        logHead: r.logHead,
        window,
        interval,
        measures,
        series: seriesOf(periods, collaborationId, window, interval),
        ...reported,
        ...obligations,
      };
    },

    async signals(): Promise<{ asOf: IsoDate; logHead: number; signals: Signal[] }> {
      const today = deps.today();
      const { view, report: recent } = await report({ from: addDays(today, -(thresholds.slaDays - 1)), to: today });
      const logStart = (await deps.store.logStartDay()) ?? today;
      const feeds: FeedState[] = [];
      for (const { collaborationId, version: v } of governing(view, today)) {
        for (const m of v.measures) {
          if (!m.cadence) continue;
          const exchanges = m.exchanges ?? v.exchanges.map((e) => e.exchange);
          feeds.push({
            collaborationId,
            agreementId: v.agreementId,
            measure: m.code,
            description: m.description,
            exchanges,
            every: m.cadence.every,
            missedPeriods: m.cadence.missedPeriods ?? 2,
            lastSeen: await deps.store.lastSeen(v.agreementId, exchanges),
            watchedFrom: [v.inForceFrom ?? today, logStart].sort().reverse()[0]!,
          });
        }
      }
      const sla = recent.collaborations.flatMap((c) =>
        c.agreements.flatMap((a) =>
          a.exchanges.map((e) => ({
            collaborationId: c.collaborationId,
            agreementId: a.agreementId,
            exchange: e.exchange,
            figures: e.figures,
          })),
        ),
      );
      const reviews = governing(view, today).map(({ collaborationId, version: v }) => ({
        collaborationId,
        agreementId: v.agreementId,
        version: v.version,
        nextReviewDue: v.review.nextReviewDue,
      }));
      const lateRecords = await deps.store.lateRecords(addDays(today, -thresholds.afterTheFactDays));
      const chain = await deps.chain?.refresh();
      const overdueObligations = (await deps.overdueObligations?.()) ?? [];
      const jointReviews = (await deps.jointReviewSignals?.()) ?? [];
      const signals = signalsOf({
        today,
        feeds,
        sla,
        caps: await caps(view, today),
        reviews,
        directives: view.directives,
        lateRecords,
        overdueObligations,
        ...(chain ? { chain } : {}),
      })
        .map((s) =>
          s.code === 'obligation-overdue' && s.agreementId
            ? { ...s, collaborationId: view.agreements.find((a) => a.id === s.agreementId)?.collaborationId ?? null }
            : s,
        )
        .concat(jointReviews);
      return { asOf: today, logHead: recent.logHead, signals };
    },
  };
}
export type Measures = ReturnType<typeof createMeasures>;
