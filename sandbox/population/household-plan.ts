// Who lives together. Household kinds and shapes are weighted so that most people are British
// citizens, about a fifth are children, and the minorities the partner exchanges care about
// (people with limited or no leave, asylum seekers, the Windrush generation) are all present.
import { addDays, addYears, ageOn, compareDates, laterOf } from './dates.ts';
import { planKind, type HouseholdKind, type Standing } from './household-kinds.ts';
import { pickTown, type Town } from './places.ts';
import type { Random } from './random.ts';
import type { IsoDate } from './types.ts';

export interface PlannedMember extends Standing {
  dateOfBirth: IsoDate;
  sex: 'F' | 'M';
}
export interface HouseholdPlan {
  kind: HouseholdKind;
  town: Town;
  adults: PlannedMember[];
  children: PlannedMember[];
  /** Asylum support under s.95 covers the whole household. */
  supportedUnderS95: boolean;
  /** Children who leave school after Year 11. */
  leavesAt16: boolean;
}

type Shape = 'single' | 'couple' | 'couple-children' | 'lone-parent';
type AgeBands = readonly (readonly [readonly [number, number], number])[];

const kinds: readonly (readonly [HouseholdKind, number])[] = [
  ['british', 64],
  ['british-heritage', 14],
  ['mixed-spouse', 2],
  ['eea', 7.5],
  ['work-family', 7.5],
  ['asylum', 1.8],
  ['windrush', 4.5],
];
const shapes: readonly (readonly [Shape, number])[] = [
  ['single', 32],
  ['couple', 33],
  ['couple-children', 18],
  ['lone-parent', 6],
];
const childCounts: readonly (readonly [number, number])[] = [
  [1, 38],
  [2, 40],
  [3, 16],
  [4, 6],
];

const adultAges: AgeBands = [
  [[18, 29], 20],
  [[30, 44], 27],
  [[45, 64], 32],
  [[65, 79], 15],
  [[80, 94], 5],
];
const migrantAges: AgeBands = [
  [[18, 29], 35],
  [[30, 44], 40],
  [[45, 64], 20],
  [[65, 80], 5],
];
const parentAges: AgeBands = [
  [[22, 29], 10],
  [[30, 39], 35],
  [[40, 49], 40],
  [[50, 58], 15],
];
/** Birth years (not ages) for the Windrush generation: they must have been alive to arrive before 1973. */
const windrushBirthYears: readonly (readonly [readonly [number, number], number])[] = [
  [[1929, 1939], 25],
  [[1940, 1949], 35],
  [[1950, 1959], 30],
  [[1960, 1966], 10],
];

function dateOfBirthAged(random: Random, referenceDate: IsoDate, [min, max]: readonly [number, number]): IsoDate {
  return random.date(addDays(addYears(referenceDate, -(max + 1)), 1), addYears(referenceDate, -min));
}

function pickShape(random: Random, kind: HouseholdKind, room: number): Shape {
  if (room < 2) return 'single';
  if (kind === 'windrush') return random.chance(0.6) ? 'single' : 'couple';
  if (kind === 'mixed-spouse') return random.chance(0.6) ? 'couple' : 'couple-children';
  return random.weighted(shapes);
}

export function planHousehold(random: Random, referenceDate: IsoDate, room: number): HouseholdPlan {
  let kind = random.weighted(kinds);
  const shape = pickShape(random, kind, room);
  if (kind === 'mixed-spouse' && shape === 'single') kind = 'british';
  const withChildren = shape === 'couple-children' || shape === 'lone-parent';
  const bands = withChildren ? parentAges : kind === 'british' || kind === 'british-heritage' ? adultAges : migrantAges;
  const bornIn = ([from, to]: readonly [number, number]) => random.date(`${from}-01-01`, `${to}-12-31`);

  const principal = {
    dateOfBirth:
      kind === 'windrush'
        ? bornIn(random.weighted(windrushBirthYears))
        : dateOfBirthAged(random, referenceDate, random.weighted(bands)),
    sex: shape === 'lone-parent' ? (random.chance(0.85) ? 'F' : 'M') : random.chance(0.5) ? 'F' : 'M',
  } as const;
  const adults: { dateOfBirth: IsoDate; sex: 'F' | 'M' }[] = [principal];
  if (shape === 'couple' || shape === 'couple-children') {
    const sex = random.chance(0.04) ? principal.sex : principal.sex === 'F' ? 'M' : 'F';
    if (kind === 'windrush') {
      const year = Math.max(1929, Math.min(1966, Number(principal.dateOfBirth.slice(0, 4)) + random.int(-6, 6)));
      adults.push({ dateOfBirth: bornIn([year, year]), sex });
    } else {
      const age = Math.max(18, Math.min(95, ageOn(principal.dateOfBirth, referenceDate) + random.int(-6, 6)));
      adults.push({ dateOfBirth: dateOfBirthAged(random, referenceDate, [age, age]), sex });
    }
  }

  const plan = planKind(random, kind, adults, referenceDate, { withChildren });
  const members: PlannedMember[] = adults.map((a, i) => {
    const standing = plan.adults[i];
    if (!standing) throw new RangeError(`No standing planned for adult ${i + 1} of a ${kind} household`);
    return { ...standing, ...a };
  });

  const children: PlannedMember[] = [];
  if (withChildren) {
    const count = Math.min(random.weighted(childCounts), room - members.length);
    const youngestParent = adults.map((a) => a.dateOfBirth).reduce(laterOf);
    let earliest = laterOf(addYears(youngestParent, 18), addDays(addYears(referenceDate, -18), 1));
    if (plan.childrenNotBefore !== null) earliest = laterOf(earliest, plan.childrenNotBefore);
    const latest = addDays(referenceDate, -1);
    for (let i = 0; i < count && earliest <= latest; i += 1) {
      const dateOfBirth = random.date(earliest, latest);
      children.push({ ...plan.childStanding(dateOfBirth), dateOfBirth, sex: random.chance(0.5) ? 'F' : 'M' });
    }
    children.sort((a, b) => compareDates(a.dateOfBirth, b.dateOfBirth));
  }

  const seekingAsylum = members[0]?.status === 'asylum-seeker';
  return {
    kind,
    town: pickTown(random, { dispersalOnly: kind === 'asylum' }),
    adults: members,
    children,
    supportedUnderS95: seekingAsylum && random.chance(0.65),
    leavesAt16: random.chance(0.3),
  };
}
