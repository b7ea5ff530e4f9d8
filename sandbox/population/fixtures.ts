// Hand-written people placed first in every generated population, with fixed ids, so that tests
// of the sandbox services can name the person a rule is about instead of searching for one.
import { s95Child, s95Parent, traceableChild, traceableChildFather, traceableChildMother } from './fixture-families.ts';
import { address, fixturePerson } from './fixture-helpers.ts';
import type { Person } from './types.ts';

/** Windrush generation: a Commonwealth citizen settled before 1973, with a NINo and decades of records. */
const windrushElder = fixturePerson({
  id: 'P000004',
  forename: 'Clarence',
  surname: 'Baptiste',
  dateOfBirth: '1948-06-02',
  sex: 'M',
  nationality: 'JAM',
  nino: 'YH204817B',
  addresses: [
    address('12 Victoria Road', 'London', 'SW9 7QB', '1990-04-01', '2009-05-31'),
    address('63 Albert Street', 'London', 'SW9 8ND', '2009-06-01', null),
  ],
  immigration: {
    status: 'settled',
    leaveType: 'indefinite-leave-to-remain',
    leaveValidFrom: '1973-01-01',
    arrivedInUk: '1956-09-10',
    commonwealthArrivalBefore1973: true,
    homeOfficeReference: 'HO-4000004',
  },
  employment: [
    {
      employer: 'Stockwell Bus Engineering Ltd',
      payeReference: '475/SB11873',
      from: '2001-04-06',
      to: '2013-06-01',
      annualIncomePence: 2_280_000,
    },
  ],
  benefitClaims: [{ benefit: 'housing-benefit', from: '2014-01-06', to: null }],
});

/** Exactly 30 on 2018-05-01, a week after the Windrush pause on proactive sharing about over-30s began. */
const turns30On2018_05_01 = fixturePerson({
  id: 'P000005',
  forename: 'Priya',
  surname: 'Raghunathan',
  dateOfBirth: '1988-05-01',
  sex: 'F',
  nationality: 'IND',
  nino: 'PL739201D',
  addresses: [
    address('5 Osborne Street', 'Manchester', 'M14 5RJ', '2015-09-12', '2019-02-28'),
    address('18 Clarendon Road', 'Manchester', 'M20 6BW', '2019-03-01', null),
  ],
  immigration: {
    status: 'limited-leave',
    leaveType: 'skilled-worker',
    leaveValidFrom: '2023-04-17',
    leaveValidTo: '2028-04-16',
    noRecourseToPublicFunds: true,
    arrivedInUk: '2015-09-12',
    homeOfficeReference: 'HO-4000005',
  },
  employment: [
    {
      employer: 'Calder Analytics Ltd',
      payeReference: '120/CA55510',
      from: '2015-10-05',
      to: null,
      annualIncomePence: 4_650_000,
    },
  ],
});

/** Under 30 and facing deportation after an 18-month sentence: the one case banks may still be told about. */
const offenderUnder30 = fixturePerson({
  id: 'P000006',
  forename: 'Ruan',
  surname: 'van der Merwe',
  dateOfBirth: '2000-02-10',
  sex: 'M',
  nationality: 'ZAF',
  nino: 'WR914306A',
  addresses: [address('7 Chapel Street', 'Bristol', 'BS5 6HN', '2018-02-10', null)],
  immigration: {
    status: 'no-leave',
    noRecourseToPublicFunds: true,
    arrivedInUk: '2012-07-20',
    facingDeportationForCriminalOffence: true,
    sentenceMonths: 18,
    homeOfficeReference: 'HO-4000006',
  },
  employment: [
    {
      employer: 'Easton Car Wash Ltd',
      payeReference: '567/EC20094',
      from: '2018-03-01',
      to: '2021-09-30',
      annualIncomePence: 1_150_000,
    },
  ],
});

/** An EEA national with a reportable-sized debt: EEA patients are outside debtor reporting. */
const eeaDebtor = fixturePerson({
  id: 'P000007',
  forename: 'Camille',
  surname: 'Durand',
  dateOfBirth: '1993-08-19',
  sex: 'F',
  nationality: 'FRA',
  nino: 'NE660183B',
  addresses: [address('22 Belmont Crescent', 'London', 'SE13 6LE', '2020-10-01', null)],
  immigration: {
    status: 'eea-settled',
    leaveType: 'eu-settlement-scheme-pre-settled',
    leaveValidFrom: '2021-03-15',
    leaveValidTo: '2031-03-14',
    arrivedInUk: '2020-10-01',
    homeOfficeReference: 'HO-4000007',
  },
  employment: [
    {
      employer: 'Deptford Bistro Ltd',
      payeReference: '951/DB40281',
      from: '2020-11-02',
      to: null,
      annualIncomePence: 2_250_000,
    },
  ],
  nhsDebts: [
    {
      trust: 'Lewisham and Greenwich NHS Trust',
      amountPence: 80_000,
      invoicedOn: '2026-07-23',
      status: 'debt-outstanding',
    },
  ],
});

/** A non-EEA visitor owing £650 for three months: over the £500 and two-month thresholds for reporting. */
const nonEeaDebtor = fixturePerson({
  id: 'P000008',
  forename: 'Jordan',
  surname: 'Mitchell',
  dateOfBirth: '1979-12-03',
  sex: 'M',
  nationality: 'USA',
  nino: null,
  addresses: [address('Flat 3, 19 Nelson Street', 'London', 'E1 2DE', '2026-06-01', null)],
  immigration: {
    status: 'limited-leave',
    leaveType: 'visitor',
    leaveValidFrom: '2026-06-01',
    leaveValidTo: '2026-12-01',
    noRecourseToPublicFunds: true,
    arrivedInUk: '2026-06-01',
    homeOfficeReference: 'HO-4000008',
  },
  nhsDebts: [
    { trust: 'Barts Health NHS Trust', amountPence: 65_000, invoicedOn: '2026-08-23', status: 'debt-outstanding' },
  ],
});

/** Same common name, different dates of birth: a name-only NINo trace must come back as a partial match. */
const commonNamePairA = fixturePerson({
  id: 'P000009',
  forename: 'Mohammed',
  surname: 'Khan',
  dateOfBirth: '1985-07-19',
  sex: 'M',
  nationality: 'GBR',
  nino: 'JC318274A',
  addresses: [address('40 Stanley Road', 'Birmingham', 'B11 1LN', '2010-06-01', null)],
  immigration: { status: 'british-citizen' },
  employment: [
    {
      employer: 'Sparkbrook Pharmacy Ltd',
      payeReference: '301/SP77215',
      from: '2009-09-01',
      to: null,
      annualIncomePence: 3_100_000,
    },
  ],
});

const commonNamePairB = fixturePerson({
  id: 'P000010',
  forename: 'Mohammed',
  surname: 'Khan',
  dateOfBirth: '1991-01-03',
  sex: 'M',
  nationality: 'GBR',
  nino: 'ZR550912C',
  addresses: [address('11 Windsor Road', 'Bradford', 'BD8 7QA', '2013-04-15', null)],
  immigration: { status: 'british-citizen' },
  employment: [
    {
      employer: 'Manningham Taxis Ltd',
      payeReference: '734/MT09311',
      from: '2012-02-01',
      to: null,
      annualIncomePence: 1_900_000,
    },
  ],
});

export const fixtures = {
  traceableChild,
  traceableChildMother,
  traceableChildFather,
  windrushElder,
  turns30On2018_05_01,
  offenderUnder30,
  eeaDebtor,
  nonEeaDebtor,
  commonNamePairA,
  commonNamePairB,
  s95Parent,
  s95Child,
} as const satisfies Record<string, Person>;

export type FixtureName = keyof typeof fixtures;

/** The two people who share the name Mohammed Khan. */
export const commonNamePair = [commonNamePairA, commonNamePairB] as const;

/** In id order: the order they open every population with. */
export const fixturePeople: readonly Person[] = Object.values(fixtures).sort((a, b) => (a.id < b.id ? -1 : 1));
