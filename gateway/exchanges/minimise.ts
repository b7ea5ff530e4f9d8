// Only what the agreement allows leaves the gateway: result fields outside its scope are dropped, and
// dated records that ended before the look-back window are withheld.
import type { ExchangeTerms, IsoDate } from '../../mou-registry/types.ts';
import type { Obligation } from '../policy/types.ts';

export interface Minimised {
  result: Record<string, unknown>;
  disclosed: string[];
  withheld: string[];
}

export function minimise(
  candidate: Record<string, unknown>,
  terms: ExchangeTerms,
  obligations: Obligation[],
  day: IsoDate,
): Minimised {
  const lookback = obligations.find(
    (o): o is Extract<Obligation, { id: 'withhold-older-than' }> => o.id === 'withhold-older-than',
  );
  const cutoff = lookback ? shiftYears(day, -lookback.years) : null;
  const result: Record<string, unknown> = {};
  const withheld: string[] = [];
  for (const [field, value] of Object.entries(candidate)) {
    if (!terms.responseFields.includes(field)) {
      withheld.push(field);
      continue;
    }
    result[field] = cutoff && Array.isArray(value) ? value.filter((item) => !endedBefore(item, cutoff)) : value;
  }
  const disclosed = Object.entries(result)
    .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
    .map(([k]) => k);
  return { result, disclosed, withheld };
}

function endedBefore(item: unknown, cutoff: IsoDate): boolean {
  const to = (item as { to?: unknown } | null)?.to;
  return typeof to === 'string' && to < cutoff;
}

export function shiftYears(day: IsoDate, years: number): IsoDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February minus a year is 28 February, not 1 March.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}
