// School histories that follow the English school year: reception starts in the September after a
// child's fourth birthday, secondary seven years later; a child changes school on moving town or area.
import { addDays, addYears, earlierOf, laterOf } from './dates.ts';
import { schoolAddress, schoolsByTown, type School } from './institutions.ts';
import type { Random } from './random.ts';
import type { Address, IsoDate, SchoolPlacement } from './types.ts';

export function receptionStart(dateOfBirth: IsoDate): IsoDate {
  const year = Number(dateOfBirth.slice(0, 4));
  const month = Number(dateOfBirth.slice(5, 7));
  return `${month >= 9 ? year + 5 : year + 4}-09-01`;
}

export interface SchoolingOptions {
  dateOfBirth: IsoDate;
  /** When the child's address history begins in the UK (birth or arrival). */
  inUkFrom: IsoDate;
  addresses: readonly Address[];
  referenceDate: IsoDate;
  /** Leaves after Year 11 rather than staying on to Year 13. */
  leavesAt16: boolean;
}

const district = (postcode: string): string => postcode.split(' ')[0] ?? postcode;

function schoolNear(random: Random, address: Address, phase: School['phase']): School {
  const inTown = schoolsByTown.get(address.town)?.[phase];
  if (!inTown || inTown.length === 0) throw new RangeError(`No ${phase} schools in ${address.town}`);
  const here = district(address.postcode);
  const local = inTown.filter((s) => s.district === here);
  return random.pick(local.length > 0 && random.chance(0.8) ? local : inTown);
}

export function schoolHistory(random: Random, options: SchoolingOptions): SchoolPlacement[] {
  const { addresses, referenceDate } = options;
  const reception = receptionStart(options.dateOfBirth);
  const secondary = addYears(reception, 7);
  const leaving = addDays(addYears(reception, options.leavesAt16 ? 12 : 14), -1);
  const phases = [
    { phase: 'primary' as const, from: reception, to: addDays(secondary, -1) },
    { phase: 'secondary' as const, from: secondary, to: leaving },
  ];
  const placements: SchoolPlacement[] = [];
  for (const phase of phases) {
    const from = laterOf(phase.from, options.inUkFrom);
    if (from > referenceDate || from > phase.to) continue;
    const until = earlierOf(phase.to, referenceDate);
    let current: { school: School; from: IsoDate; town: string; district: string } | null = null;
    const close = (to: IsoDate) => {
      if (!current) return;
      const ended = to < referenceDate ? to : null;
      placements.push({
        urn: current.school.urn,
        schoolName: current.school.name,
        address: schoolAddress(current.school, current.from, ended),
        from: current.from,
        to: ended,
      });
    };
    for (const address of addresses) {
      if (address.to !== null && address.to < from) continue;
      if (address.from > until) break;
      const start = laterOf(address.from, from);
      const moved =
        current !== null &&
        (current.town !== address.town || (current.district !== district(address.postcode) && random.chance(0.5)));
      if (current === null || moved) {
        close(addDays(start, -1));
        current = {
          school: schoolNear(random, address, phase.phase),
          from: start,
          town: address.town,
          district: district(address.postcode),
        };
      }
    }
    close(phase.to < referenceDate ? phase.to : referenceDate);
  }
  return placements;
}
