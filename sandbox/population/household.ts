// Turns a household plan into Person records: names, identifiers, the immigration record, and the
// histories each partner department would hold (addresses, PAYE jobs, benefit claims, schools, NHS debts).
import { addYears, ageOn, laterOf } from './dates.ts';
import { childStart, householdAddresses, memberAddresses } from './household-addresses.ts';
import type { HouseholdPlan, PlannedMember } from './household-plan.ts';
import type { IdentifierIssuer } from './identifiers.ts';
import { hasNoRecourse, immigrationRecord, sentenceLengths } from './immigration.ts';
import { benefitClaims, employmentHistory } from './livelihood.ts';
import { namePools } from './names.ts';
import { nhsDebts } from './nhs-debts.ts';
import type { Random } from './random.ts';
import { schoolHistory } from './schooling.ts';
import type { IsoDate, Person } from './types.ts';

export interface BuildContext {
  random: Random;
  identifiers: IdentifierIssuer;
  referenceDate: IsoDate;
  nextId: () => string;
}

const employedNowChance: Record<string, number> = {
  'british-citizen': 0.76,
  settled: 0.74,
  'eea-settled': 0.82,
  refugee: 0.45,
  'no-leave': 0.1,
  'skilled-worker': 1,
  'health-and-care-worker': 1,
  student: 0.35,
  graduate: 0.8,
  spouse: 0.6,
  dependant: 0.55,
};

function incomeRange(random: Random, member: PlannedMember): readonly [number, number] {
  if (member.leaveType === 'skilled-worker') return [3_870_000, 9_000_000];
  if (member.leaveType === 'health-and-care-worker') return [2_900_000, 4_600_000];
  if (member.leaveType === 'student') return [400_000, 1_300_000];
  if (member.status === 'no-leave') return [800_000, 2_000_000];
  return random.chance(0.1) ? [5_500_000, 12_000_000] : [1_200_000, 5_500_000];
}

function hasNino(random: Random, member: PlannedMember, adult: boolean, age: number): boolean {
  if (!adult) return member.status === 'british-citizen' && age >= 16;
  switch (member.status) {
    case 'asylum-seeker':
      return false;
    case 'no-leave':
      return random.chance(0.4);
    case 'limited-leave':
      return member.leaveType === 'visitor' ? false : member.leaveType === 'student' ? random.chance(0.6) : true;
    default:
      return true;
  }
}

export function buildHousehold(plan: HouseholdPlan, context: BuildContext): Person[] {
  const { random, identifiers, referenceDate } = context;
  const adultIds = plan.adults.map(() => context.nextId());
  const childIds = plan.children.map(() => context.nextId());
  const addresses = householdAddresses(random, plan, referenceDate);
  const householdSurname = random.pick(namePools[plan.adults[0]?.heritage ?? 'british'].surnames);
  const benefitsClaimant = plan.adults.findIndex((a) => a.sex === 'F' && !hasNoRecourse(a.status));
  const claimant = benefitsClaimant >= 0 ? benefitsClaimant : plan.adults.findIndex((a) => !hasNoRecourse(a.status));
  const eldest = plan.children[0];
  const youngest = plan.children[plan.children.length - 1];

  const person = (member: PlannedMember, index: number, adult: boolean): Person => {
    const id = adult ? adultIds[index] : childIds[index];
    if (id === undefined) throw new RangeError('Household member without an id');
    const age = ageOn(member.dateOfBirth, referenceDate);
    const pool = namePools[member.heritage];
    const ownSurname = adult && index > 0 && (member.heritage !== plan.adults[0]?.heritage || random.chance(0.35));
    const nino = hasNino(random, member, adult, age) ? identifiers.nino() : null;
    const knownToHomeOffice = member.status !== 'british-citizen' || member.naturalised;
    const homeOfficeReference =
      knownToHomeOffice && (!member.windrush || random.chance(0.55)) ? identifiers.homeOfficeReference() : null;
    const deported =
      adult &&
      !member.windrush &&
      member.status !== 'british-citizen' &&
      member.status !== 'asylum-seeker' &&
      random.chance(0.03);
    const myAddresses = memberAddresses(addresses, adult ? 'adult' : 'child', index);
    const currentTown = myAddresses[myAddresses.length - 1]?.town ?? plan.town.name;

    const canWork = adult && nino !== null && member.leaveType !== 'visitor';
    const workFrom = [
      addYears(member.dateOfBirth, random.int(16, 22)),
      member.arrivedInUk ?? '',
      member.status === 'refugee' ? (member.leaveValidFrom ?? '') : '',
    ].reduce(laterOf);
    const employment = canWork
      ? employmentHistory(random, {
          from: workFrom,
          until: age >= 67 ? addYears(member.dateOfBirth, random.int(60, 67)) : referenceDate,
          referenceDate,
          employedNow: random.chance(
            (employedNowChance[member.leaveType ?? member.status] ?? employedNowChance[member.status] ?? 0.7) *
              (age < 22 ? 0.6 : 1),
          ),
          incomePence: incomeRange(random, member),
        })
      : [];
    const claimsFrom = [
      addYears(member.dateOfBirth, 18),
      member.arrivedInUk ?? '',
      member.status === 'refugee' ? (member.leaveValidFrom ?? '') : '',
    ].reduce(laterOf);
    const benefits =
      adult && nino !== null
        ? benefitClaims(random, {
            dateOfBirth: member.dateOfBirth,
            from: claimsFrom,
            referenceDate,
            employedNow: employment.some((e) => e.to === null),
            noRecourse: hasNoRecourse(member.status),
            children:
              index === claimant && eldest && youngest
                ? { eldestFrom: childStart(eldest), youngestBorn: youngest.dateOfBirth }
                : null,
          })
        : [];

    return {
      id,
      forename: random.pick(member.sex === 'F' ? pool.female : pool.male),
      surname: ownSurname ? random.pick(pool.surnames) : householdSurname,
      dateOfBirth: member.dateOfBirth,
      sex: member.sex,
      nationality: member.nationality,
      nino,
      addresses: myAddresses,
      immigration: immigrationRecord({
        status: member.status,
        leaveType: member.leaveType,
        leaveValidFrom: member.leaveValidFrom,
        leaveValidTo: member.leaveValidTo,
        noRecourseToPublicFunds: hasNoRecourse(member.status),
        supportedUnderS95: plan.supportedUnderS95,
        arrivedInUk: member.arrivedInUk,
        commonwealthArrivalBefore1973: member.windrush,
        facingDeportationForCriminalOffence: deported,
        sentenceMonths: deported ? random.weighted(sentenceLengths) : null,
        homeOfficeReference,
      }),
      employment,
      benefitClaims: benefits,
      schoolHistory: adult
        ? []
        : schoolHistory(random, {
            dateOfBirth: member.dateOfBirth,
            inUkFrom: childStart(member),
            addresses: myAddresses,
            referenceDate,
            leavesAt16: plan.leavesAt16,
          }),
      parentIds: adult ? [] : [...adultIds],
      childIds: adult ? [...childIds] : [],
      nhsDebts: adult
        ? nhsDebts(random, {
            status: member.status,
            leaveType: member.leaveType,
            arrivedInUk: member.arrivedInUk,
            town: currentTown,
            referenceDate,
          })
        : [],
    };
  };

  return [...plan.adults.map((m, i) => person(m, i, true)), ...plan.children.map((m, i) => person(m, i, false))];
}
