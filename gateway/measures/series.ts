// Figures over time, one per day, week or month of the window, for the console's charts.
import type { IsoDate } from '../../mou-registry/types.ts';
import { figuresOf } from './figures.ts';
import { nextPeriod, periodStart, periodsBetween, type Interval } from './periods.ts';
import type { Sla } from './sla.ts';
import type { ExchangeRecord, Figures, Window } from './types.ts';

export interface SeriesPoint { start: IsoDate; end: IsoDate; figures: Figures }

export function seriesOf(records: readonly ExchangeRecord[], window: Window, interval: Interval, slaOf: (r: ExchangeRecord) => Sla | null): SeriesPoint[] {
  const buckets = new Map<IsoDate, ExchangeRecord[]>();
  for (const r of records) {
    const start = periodStart(r.day, interval);
    buckets.set(start, [...(buckets.get(start) ?? []), r]);
  }
  return periodsBetween(window.from, window.to, interval).map((start) => {
    const last = new Date(Date.parse(`${nextPeriod(start, interval)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    return { start, end: last, figures: figuresOf(buckets.get(start) ?? [], slaOf) };
  });
}
