// Address histories. A household shares one history; each member holds a copy clipped to when
// they joined it (birth or arrival), so a child's addresses always coincide with a parent's.
import { addYears, fromDayNumber, laterOf, toDayNumber } from './dates.ts';
import { pickTown, postcodeIn, streetAddress, type Town } from './places.ts';
import type { Random } from './random.ts';
import type { Address, IsoDate } from './types.ts';

export interface HistoryOptions {
  from: IsoDate;
  until: IsoDate;
  /** Where the last address is; earlier ones are usually in the same town. */
  lastTown: Town;
  /** Whether the last address is still current (to: null) or ended on `until`. */
  current: boolean;
  /** Move between dispersal areas only, as s.95 accommodation does. */
  dispersalOnly?: boolean;
  /** At most this many addresses; the earliest absorbs whatever time is left. */
  maxAddresses?: number;
}

/**
 * Built backwards from `until`, so the latest addresses are the detailed ones; anything older than
 * 20 years collapses into the first address, as partner systems rarely hold more.
 */
export function addressHistory(random: Random, options: HistoryOptions): Address[] {
  // Day numbers rather than ISO strings in the loop: this runs for every household and adult.
  const from = toDayNumber(options.from);
  const until = toDayNumber(options.until);
  if (from > until) throw new RangeError(`Address history from ${options.from} is after ${options.until}`);
  const horizon = Math.max(from, toDayNumber(addYears(options.until, -20)));
  const maxAddresses = options.maxAddresses ?? 4;
  const newestFirst: Address[] = [];
  let end = until;
  let town = options.lastTown;
  for (;;) {
    let start = end - (newestFirst.length === 0 ? random.int(30, 3_650) : random.int(300, 4_000));
    const last = start <= horizon || newestFirst.length >= maxAddresses - 1;
    if (last) start = from;
    const area = random.pick(town.areas);
    newestFirst.push({
      line1: streetAddress(random),
      town: town.name,
      postcode: postcodeIn(random, area.district),
      from: fromDayNumber(start),
      to: newestFirst.length === 0 && options.current ? null : fromDayNumber(end),
    });
    if (last) break;
    end = start - 1;
    if (random.chance(0.3)) town = pickTown(random, { dispersalOnly: options.dispersalOnly ?? false });
  }
  return newestFirst.reverse();
}

/** A member's own copy of a household history, starting when they joined it. */
export function clipAddresses(history: readonly Address[], start: IsoDate): Address[] {
  return history.filter((a) => a.to === null || a.to >= start).map((a) => ({ ...a, from: laterOf(a.from, start) }));
}
