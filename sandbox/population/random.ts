// A seeded PRNG so that the same seed always yields the same population; Math.random would make
// sandbox responses, and any test that relies on them, unrepeatable.
import { fromDayNumber, toDayNumber } from './dates.ts';
import type { IsoDate } from './types.ts';

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight, e.g. [['a', 3], ['b', 1]] gives 'a' three times as often. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  chance(probability: number): boolean;
  /** A date in [from, to], both inclusive. */
  date(from: IsoDate, to: IsoDate): IsoDate;
}

/** mulberry32: tiny, fast and well distributed enough for synthetic data (not for anything secret). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new RangeError(`Seed must be a finite number, got ${seed}`);
  const next = mulberry32(Math.trunc(seed));
  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`Empty range [${min}, ${max}]`);
    return min + Math.floor(next() * (max - min + 1));
  };
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)];
      if (item === undefined) throw new RangeError('Cannot pick from an empty list');
      return item;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const entry of entries) total += entry[1];
      let roll = next() * total;
      for (const entry of entries) {
        roll -= entry[1];
        if (roll < 0) return entry[0];
      }
      const last = entries[entries.length - 1];
      if (last === undefined) throw new RangeError('Cannot pick from an empty list');
      return last[0];
    },
    chance: (probability) => next() < probability,
    date: (from, to) => fromDayNumber(int(toDayNumber(from), toDayNumber(to))),
  };
}
