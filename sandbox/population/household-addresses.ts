// Where each member of a household has lived. The household's shared history starts when it formed
// (never after its first child arrived); adults who were independent before that have their own
// earlier addresses, and anyone who joined later (a child born, a spouse arriving) starts part-way.
import { addressHistory, clipAddresses } from './addresses.ts';
import { addDays, addYears, earlierOf, laterOf } from './dates.ts';
import type { HouseholdPlan, PlannedMember } from './household-plan.ts';
import { pickTown, townNamed } from './places.ts';
import type { Random } from './random.ts';
import type { Address, IsoDate } from './types.ts';

export interface HouseholdAddresses {
  adults: Address[][];
  children: Address[][];
}

export const adultStart = (m: PlannedMember): IsoDate =>
  laterOf(addYears(m.dateOfBirth, 18), m.arrivedInUk ?? m.dateOfBirth);
export const childStart = (m: PlannedMember): IsoDate => laterOf(m.dateOfBirth, m.arrivedInUk ?? m.dateOfBirth);

export function householdAddresses(random: Random, plan: HouseholdPlan, referenceDate: IsoDate): HouseholdAddresses {
  const dispersalOnly = plan.kind === 'asylum';
  const principal = plan.adults[0];
  if (!principal) throw new RangeError('A household needs an adult');
  const firstChild = plan.children.map(childStart).reduce(earlierOf, referenceDate);
  const principalFrom = adultStart(principal);
  const formed = principalFrom <= firstChild ? random.date(principalFrom, firstChild) : firstChild;
  const shared = addressHistory(random, {
    from: formed,
    until: referenceDate,
    lastTown: plan.town,
    current: true,
    dispersalOnly,
  });
  const firstTown = townNamed(shared[0]?.town ?? plan.town.name);

  const own = (start: IsoDate): Address[] => {
    if (start >= formed) return clipAddresses(shared, start);
    const lastTown = random.chance(0.6) ? firstTown : pickTown(random, { dispersalOnly });
    const before = addressHistory(random, {
      from: start,
      until: addDays(formed, -1),
      lastTown,
      current: false,
      dispersalOnly,
      maxAddresses: 2,
    });
    return [...before, ...clipAddresses(shared, formed)];
  };
  return { adults: plan.adults.map((m) => own(adultStart(m))), children: plan.children.map((m) => own(childStart(m))) };
}

export function memberAddresses(addresses: HouseholdAddresses, role: 'adult' | 'child', index: number): Address[] {
  const found = (role === 'adult' ? addresses.adults : addresses.children)[index];
  if (!found || found.length === 0) throw new RangeError(`No addresses for ${role} ${index + 1}`);
  return found;
}
