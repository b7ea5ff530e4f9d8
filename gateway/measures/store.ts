// Reads what the measures need from the audit log and nothing else, so that the figures and the cap the policy
// enforces come from one place (¶6.106, fn 64). The database adds the decisions up (audit/measure-queries.ts);
// every read is bounded by the log head seen first, so one report is one consistent cut of the log.
import type { Knex } from 'knex';
import {
  aggregateDecisions,
  lastDecisionDay,
  lateRegisterChanges,
  logHead,
  logStartDay,
  type Aggregates,
} from '../../audit/measure-queries.ts';
import { permitsInMonth } from '../../audit/usage.ts';
import type { Agreement, AgreementVersion, IsoDate } from '../../mou-registry/types.ts';
import { monthOf } from '../../platform/london-day.ts';
import { slaRows, vocabulary } from './aggregated.ts';
import type { Interval } from './periods.ts';
import type { LateRecord } from './signals.ts';
import type { Window } from './types.ts';

/** What the register says the sums need: the SLAs of each version, and which collaboration each agreement is in. */
export interface AggregateScope {
  versions: readonly AgreementVersion[];
  agreements: readonly Agreement[];
}
/** The series of one collaboration: its agreements' decisions only, added up per period. */
export interface SeriesScope {
  collaborationId: string;
  interval: Interval;
}

export function createMeasuresStore(db: Knex) {
  return {
    head: (): Promise<number> => logHead(db),

    /** The decisions of the window (London days, inclusive) added up: as a whole, or one collaboration's periods. */
    aggregates(window: Window, head: number, scope: AggregateScope, series?: SeriesScope): Promise<Aggregates> {
      const agreements = series
        ? scope.agreements.filter((a) => a.collaborationId === series.collaborationId)
        : scope.agreements;
      return aggregateDecisions(db, {
        window,
        head,
        vocabulary,
        ...slaRows(scope.versions, window),
        collaborations: Object.fromEntries(agreements.map((a) => [a.id, a.collaborationId])),
        ...(series ? { interval: series.interval, agreementIds: agreements.map((a) => a.id) } : {}),
        directives: !series,
      });
    },

    /** The London day of the first entry in the log: before it the gateway saw nothing. */
    logStartDay: (): Promise<IsoDate | null> => logStartDay(db),

    /** The London day of the latest decision for these exchanges under the agreement. */
    lastSeen: (agreementId: string, exchanges: string[]): Promise<IsoDate | null> =>
      lastDecisionDay(db, agreementId, exchanges),

    /** Register changes marked as recorded after the fact (commands.ts), recorded since the day given. */
    async lateRecords(since: IsoDate): Promise<LateRecord[]> {
      // Each was written by mou-registry/commands.ts, which names the actor, the action and the target; the query
      // keeps only those with afterTheFact.
      return (await lateRegisterChanges(db, since)).flatMap(({ actor, action, target, afterTheFact }) =>
        actor !== undefined && action !== undefined && target !== undefined && afterTheFact
          ? [{ actor, action, target, ...afterTheFact }]
          : [],
      );
    },

    /** Permits counted exactly as the monthly-cap rule counts them. */
    capUsed: (agreementId: string, exchanges: string[] | undefined, day: IsoDate) =>
      permitsInMonth(db, agreementId, exchanges, monthOf(day)),
  };
}
export type MeasuresStore = ReturnType<typeof createMeasuresStore>;
