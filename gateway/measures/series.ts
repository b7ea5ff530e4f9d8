// Figures over time, one per day, week or month of the window, for the console's charts.
import type { Aggregates } from '../../audit/measure-queries.ts';
import type { IsoDate } from '../../mou-registry/types.ts';
import { latenciesOf, tallyOf } from './aggregated.ts';
import { figuresFrom } from './figures.ts';
import { nextPeriod, periodsBetween, type Interval } from './periods.ts';
import type { Figures, Window } from './types.ts';

export interface SeriesPoint {
  start: IsoDate;
  end: IsoDate;
  figures: Figures;
}

/** `agg`: one collaboration's decisions added up by period of `interval` (aggregated.ts). */
export function seriesOf(agg: Aggregates, collaborationId: string, window: Window, interval: Interval): SeriesPoint[] {
  return periodsBetween(window.from, window.to, interval).map((start) => {
    const last = new Date(Date.parse(`${nextPeriod(start, interval)}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    const latencies = latenciesOf(agg, { level: 'collaboration', collaborationId }, start);
    const figures = figuresFrom(
      tallyOf(agg, (c) => c.period === start),
      latencies,
    );
    return { start, end: last, figures };
  });
}
