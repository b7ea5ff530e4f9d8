// The immigration circumstances of each kind of household: who the adults are, how they came to
// the UK, what leave they hold, and what status a child of theirs has (which depends on whether the
// child was born here, and when).
import { addDays, addMonths, addYears, laterOf } from './dates.ts';
import { euSettlement, limitedLeave, refugeeLeave, settlementDate, type LimitedRoute } from './immigration.ts';
import type { Heritage } from './names.ts';
import {
  asylumOrigins,
  britishHeritages,
  eeaOrigins,
  nationalityOf,
  windrushOrigins,
  workAndFamilyOrigins,
} from './nationalities.ts';
import type { Random } from './random.ts';
import type { ImmigrationStatus, IsoDate } from './types.ts';

export type HouseholdKind =
  | 'british'
  | 'british-heritage'
  | 'mixed-spouse'
  | 'eea'
  | 'work-family'
  | 'asylum'
  | 'windrush';

export interface Standing {
  nationality: string;
  heritage: Heritage;
  status: ImmigrationStatus;
  leaveType: string | null;
  leaveValidFrom: IsoDate | null;
  leaveValidTo: IsoDate | null;
  arrivedInUk: IsoDate | null;
  /** Arrived from the Commonwealth before 1973 (the Windrush generation). */
  windrush: boolean;
  /** British by naturalisation or registration, so known to the Home Office. */
  naturalised: boolean;
}

export interface AdultSketch {
  dateOfBirth: IsoDate;
  sex: 'F' | 'M';
}

export interface KindPlan {
  adults: Standing[];
  /** A child's standing, given their date of birth. */
  childStanding(dateOfBirth: IsoDate): Standing;
  /** Children are born no earlier than this (e.g. after a spouse arrived). */
  childrenNotBefore: IsoDate | null;
}

const british = (heritage: Heritage, arrivedInUk: IsoDate | null = null): Standing => ({
  nationality: 'GBR',
  heritage,
  status: 'british-citizen',
  leaveType: null,
  leaveValidFrom: null,
  leaveValidTo: null,
  arrivedInUk,
  windrush: false,
  naturalised: arrivedInUk !== null,
});

const abroad = (code: string, fields: Partial<Standing> & Pick<Standing, 'status'>): Standing => ({
  nationality: code,
  heritage: nationalityOf(code).heritage,
  leaveType: null,
  leaveValidFrom: null,
  leaveValidTo: null,
  arrivedInUk: null,
  windrush: false,
  naturalised: false,
  ...fields,
});

/** A date in [lower, upper], or `upper` when the range is empty. */
const within = (random: Random, lower: IsoDate, upper: IsoDate): IsoDate =>
  lower > upper ? upper : random.date(lower, upper);
const latest = (...dates: IsoDate[]): IsoDate => dates.reduce(laterOf);

/** A UK-born child shares a parent's standing, or is British if the parent was settled at the birth. */
function inLineWith(parent: Standing, arrived: IsoDate, dateOfBirth: IsoDate, settledFrom: IsoDate | null): Standing {
  if (settledFrom !== null && dateOfBirth >= settledFrom) return british(parent.heritage);
  const bornAbroad = dateOfBirth < arrived;
  return {
    ...parent,
    arrivedInUk: bornAbroad ? arrived : null,
    leaveValidFrom: parent.leaveValidFrom === null ? null : laterOf(parent.leaveValidFrom, dateOfBirth),
    windrush: false,
    naturalised: false,
  };
}

export function planKind(
  random: Random,
  kind: HouseholdKind,
  adults: readonly AdultSketch[],
  referenceDate: IsoDate,
  shape: { withChildren: boolean },
): KindPlan {
  const [principal] = adults;
  if (!principal) throw new RangeError('A household needs an adult');
  const adultFrom = (a: AdultSketch) => addYears(a.dateOfBirth, 18);
  const youngest = adults.map((a) => a.dateOfBirth).reduce(laterOf);
  const allAdult = adults.map(adultFrom).reduce(laterOf);
  const age = (a: AdultSketch) => Number(referenceDate.slice(0, 4)) - Number(a.dateOfBirth.slice(0, 4));

  switch (kind) {
    case 'british': {
      const heritage: Heritage = 'british';
      const mixed = random.chance(0.08) ? random.weighted(britishHeritages) : heritage;
      return {
        adults: adults.map((_, i) => british(i === 0 ? heritage : mixed)),
        childStanding: () => british(random.chance(0.5) ? heritage : mixed),
        childrenNotBefore: null,
      };
    }
    case 'british-heritage': {
      const heritage = random.weighted(britishHeritages);
      const standings = adults.map((a, i) => {
        const own: Heritage = i === 0 || random.chance(0.85) ? heritage : 'british';
        const lower = laterOf(a.dateOfBirth, '1975-01-01');
        const upper = addYears(referenceDate, -7);
        return age(a) >= 25 && lower <= upper && random.chance(0.35)
          ? british(own, random.date(lower, upper))
          : british(own);
      });
      const arrived = standings[0]?.arrivedInUk ?? null;
      return {
        adults: standings,
        childStanding: (dob) => (arrived !== null && dob < arrived ? british(heritage, arrived) : british(heritage)),
        childrenNotBefore: null,
      };
    }
    case 'mixed-spouse': {
      const heritage = random.chance(0.6) ? 'british' : random.weighted(britishHeritages);
      const spouse = adults[1];
      if (!spouse) throw new RangeError('A spouse household needs two adults');
      const arrived = within(
        random,
        laterOf(adultFrom(spouse), addYears(referenceDate, -5)),
        addMonths(referenceDate, -2),
      );
      const leave = limitedLeave(random, 'spouse', arrived, referenceDate);
      const spouseStanding = abroad(random.weighted(workAndFamilyOrigins), {
        status: 'limited-leave',
        leaveType: 'spouse',
        leaveValidFrom: leave.from,
        leaveValidTo: leave.to,
        arrivedInUk: arrived,
      });
      return {
        adults: [british(heritage), spouseStanding],
        childStanding: () => british(heritage),
        childrenNotBefore: arrived,
      };
    }
    case 'eea': {
      const code = random.weighted(eeaOrigins);
      const adultLower = laterOf('2004-05-01', allAdult);
      const arrived = within(
        random,
        latest(adultLower > '2020-12-31' ? '2004-05-01' : adultLower, youngest),
        '2020-12-31',
      );
      const standings = adults.map((_, i) =>
        abroad(i === 0 || random.chance(0.85) ? code : random.weighted(eeaOrigins), {
          status: 'eea-settled',
          arrivedInUk: arrived,
          ...euSettlement(random, arrived, referenceDate),
        }),
      );
      const lead = standings[0] ?? abroad(code, { status: 'eea-settled' });
      const settledFrom = lead.leaveType === 'eu-settlement-scheme-settled' ? lead.leaveValidFrom : null;
      return {
        adults: standings,
        childStanding: (dob) =>
          dob < arrived
            ? { ...lead, arrivedInUk: arrived, ...euSettlement(random, arrived, referenceDate) }
            : inLineWith(lead, arrived, dob, settledFrom),
        childrenNotBefore: null,
      };
    }
    case 'work-family': {
      const code = random.weighted(workAndFamilyOrigins);
      let status = random.weighted<ImmigrationStatus>([
        ['settled', 35],
        ['limited-leave', 50],
        ['no-leave', 15],
      ]);
      const earliest = allAdult;
      if (status === 'settled' && earliest > addYears(referenceDate, -6)) status = 'limited-leave';
      let lead: Standing;
      if (status === 'settled') {
        const arrived = within(random, laterOf(earliest, addYears(referenceDate, -25)), addYears(referenceDate, -6));
        lead = abroad(code, {
          status,
          leaveType: 'indefinite-leave-to-remain',
          leaveValidFrom: settlementDate(random, arrived, referenceDate),
          arrivedInUk: arrived,
        });
      } else if (status === 'limited-leave') {
        const young = age(principal) <= 35;
        const single = adults.length === 1 && !shape.withChildren;
        const route = random.weighted<LimitedRoute>([
          ['skilled-worker', 35],
          ['health-and-care-worker', 20],
          ['student', young && single ? 20 : 0],
          ['graduate', young && !shape.withChildren ? 10 : 0],
          ['visitor', single ? 4 : 0],
        ]);
        const arrived = within(
          random,
          laterOf(earliest, addYears(referenceDate, route === 'visitor' ? 0 : -5)),
          addMonths(referenceDate, -1),
        );
        const leave = limitedLeave(
          random,
          route,
          route === 'visitor' ? addMonths(referenceDate, -5) : arrived,
          referenceDate,
        );
        lead = abroad(code, {
          status,
          leaveType: route,
          leaveValidFrom: leave.from,
          leaveValidTo: leave.to,
          arrivedInUk: route === 'visitor' ? leave.from : arrived,
        });
      } else {
        lead = abroad(code, {
          status,
          arrivedInUk: within(random, laterOf(earliest, addYears(referenceDate, -15)), addYears(referenceDate, -1)),
        });
      }
      const arrived = lead.arrivedInUk ?? referenceDate;
      const partner: Standing = lead.status === 'limited-leave' ? { ...lead, leaveType: 'dependant' } : lead;
      const settledFrom = lead.status === 'settled' ? lead.leaveValidFrom : null;
      return {
        adults: adults.map((_, i) => (i === 0 ? lead : partner)),
        childStanding: (dob) => inLineWith(lead.status === 'limited-leave' ? partner : lead, arrived, dob, settledFrom),
        childrenNotBefore: null,
      };
    }
    case 'asylum': {
      const code = random.weighted(asylumOrigins);
      const refugee = random.chance(0.45);
      const arrived = refugee
        ? within(random, laterOf(youngest, addYears(referenceDate, -5)), addYears(referenceDate, -1))
        : within(random, laterOf(youngest, addYears(referenceDate, -3)), addMonths(referenceDate, -1));
      const leave = refugee ? refugeeLeave(random, arrived, referenceDate) : null;
      const lead = abroad(
        code,
        refugee
          ? {
              status: 'refugee',
              leaveType: 'refugee-permission',
              leaveValidFrom: leave?.from ?? null,
              leaveValidTo: leave?.to ?? null,
              arrivedInUk: arrived,
            }
          : { status: 'asylum-seeker', arrivedInUk: arrived },
      );
      return {
        adults: adults.map(() => lead),
        childStanding: (dob) => inLineWith(lead, arrived, dob, null),
        childrenNotBefore: null,
      };
    }
    case 'windrush': {
      const code = random.weighted(windrushOrigins);
      const standings = adults.map((a) =>
        abroad(code, {
          status: 'settled',
          leaveType: 'indefinite-leave-to-remain',
          leaveValidFrom: '1973-01-01',
          arrivedInUk: windrushArrival(random, a.dateOfBirth),
          windrush: true,
        }),
      );
      return { adults: standings, childStanding: () => british(nationalityOf(code).heritage), childrenNotBefore: null };
    }
  }
}

/** The Empire Windrush docked on 22 June 1948; the Immigration Act 1971 took effect on 1 January 1973. */
export function windrushArrival(random: Random, dateOfBirth: IsoDate): IsoDate {
  return random.date(laterOf('1948-06-22', addDays(dateOfBirth, 1)), '1972-12-31');
}
