// Families the sandbox tests rely on: a child DfE may be asked to trace (a parent has no leave), and
// an asylum-seeking parent supported under s.95 whose child is at school (free school meals, Part VI).
import { address, fixturePerson, school } from './fixture-helpers.ts';

const leeds = {
  roundhay: address('14 Roundhay Road', 'Leeds', 'LS8 5AN', '2016-02-01', '2018-06-30'),
  beeston: address('9 Cemetery Road', 'Leeds', 'LS11 8SY', '2021-05-01', '2023-08-20'),
  headingley: address('27 Brudenell Grove', 'Leeds', 'LS6 2AB', '2023-08-21', null),
};
const bradford = address('52 Ladysmith Road', 'Bradford', 'BD7 2LR', '2018-07-01', '2021-04-30');
const familyHomes = [leeds.roundhay, bradford, leeds.beeston, leeds.headingley];

/**
 * Reference date 2026-11-23: the Bradford periods ended more than five years before it, the
 * Beeston ones within five years, the Headingley ones are current; DfE returns only the last five years.
 */
export const traceableChild = fixturePerson({
  id: 'P000001',
  forename: 'Amara',
  surname: 'Okonkwo-Testcase',
  dateOfBirth: '2016-03-14',
  sex: 'F',
  nationality: 'NGA',
  nino: null,
  addresses: [{ ...leeds.roundhay, from: '2016-03-14' }, bradford, leeds.beeston, leeds.headingley].map((a) => ({
    ...a,
  })),
  immigration: {
    status: 'limited-leave',
    leaveType: 'dependant',
    leaveValidFrom: '2023-01-09',
    leaveValidTo: '2028-01-08',
    noRecourseToPublicFunds: true,
    homeOfficeReference: 'HO-4000001',
  },
  schoolHistory: [
    school(
      '149101',
      'Ashgrove Fold Primary School',
      { line1: '3 Ashgrove Fold', town: 'Bradford', postcode: 'BD7 3EQ' },
      '2020-09-01',
      '2021-04-30',
    ),
    school(
      '149102',
      'Tempest Lane Primary School',
      { line1: '1 Tempest Lane', town: 'Leeds', postcode: 'LS11 7HJ' },
      '2021-05-04',
      '2023-07-21',
    ),
    school(
      '149103',
      'Brudenell Fields Primary School',
      { line1: '40 Brudenell Road', town: 'Leeds', postcode: 'LS6 1EX' },
      '2023-09-05',
      null,
    ),
  ],
  parentIds: ['P000002', 'P000003'],
});

export const traceableChildMother = fixturePerson({
  id: 'P000002',
  forename: 'Ngozi',
  surname: 'Okonkwo-Testcase',
  dateOfBirth: '1987-09-22',
  sex: 'F',
  nationality: 'NGA',
  nino: 'SK482913C',
  addresses: [
    address('88 Harehills Lane', 'Leeds', 'LS9 6JT', '2014-02-03', '2016-01-31'),
    ...familyHomes.map((a) => ({ ...a })),
  ],
  immigration: {
    status: 'limited-leave',
    leaveType: 'health-and-care-worker',
    leaveValidFrom: '2023-01-09',
    leaveValidTo: '2028-01-08',
    noRecourseToPublicFunds: true,
    arrivedInUk: '2014-02-03',
    homeOfficeReference: 'HO-4000002',
  },
  employment: [
    {
      employer: 'Leeds Teaching Hospitals NHS Trust',
      payeReference: '961/LT12345',
      from: '2014-03-01',
      to: null,
      annualIncomePence: 3_450_000,
    },
  ],
  childIds: ['P000001'],
});

/** The parent believed to be an immigration offender: student leave expired in 2017 and he stayed. */
export const traceableChildFather = fixturePerson({
  id: 'P000003',
  forename: 'Chukwuemeka',
  surname: 'Okonkwo-Testcase',
  dateOfBirth: '1985-11-05',
  sex: 'M',
  nationality: 'NGA',
  nino: 'JT482193C',
  addresses: [
    address('3 Hyde Park Road', 'Leeds', 'LS6 1AH', '2012-09-15', '2016-01-31'),
    ...familyHomes.map((a) => ({ ...a })),
  ],
  immigration: {
    status: 'no-leave',
    noRecourseToPublicFunds: true,
    arrivedInUk: '2012-09-15',
    homeOfficeReference: 'HO-4000003',
  },
  employment: [
    {
      employer: 'Kirkstall Forge Warehousing Ltd',
      payeReference: '083/KF30417',
      from: '2013-01-07',
      to: '2017-10-31',
      annualIncomePence: 1_450_000,
    },
  ],
  childIds: ['P000001'],
});

const asylumFamily = {
  initial: address('Room 12, 4 Stanley Road', 'Stoke-on-Trent', 'ST4 2JX', '2024-05-20', '2024-08-15'),
  dispersed: address('31 Rosebery Street', 'Middlesbrough', 'TS3 6AA', '2024-08-16', null),
};
const asylumSupport = {
  status: 'asylum-seeker',
  noRecourseToPublicFunds: true,
  supportedUnderS95: true,
  arrivedInUk: '2024-05-20',
} as const;

export const s95Parent = fixturePerson({
  id: 'P000011',
  forename: 'Yonas',
  surname: 'Tesfaye',
  dateOfBirth: '1989-04-11',
  sex: 'M',
  nationality: 'ERI',
  nino: null,
  addresses: [{ ...asylumFamily.initial }, { ...asylumFamily.dispersed }],
  immigration: { ...asylumSupport, homeOfficeReference: 'HO-4000011' },
  childIds: ['P000012'],
});

export const s95Child = fixturePerson({
  id: 'P000012',
  forename: 'Selam',
  surname: 'Tesfaye',
  dateOfBirth: '2017-01-25',
  sex: 'F',
  nationality: 'ERI',
  nino: null,
  addresses: [{ ...asylumFamily.initial }, { ...asylumFamily.dispersed }],
  immigration: { ...asylumSupport, homeOfficeReference: 'HO-4000012' },
  schoolHistory: [
    school(
      '149104',
      'North Ormesby Fields Primary School',
      { line1: '2 Derwent Street', town: 'Middlesbrough', postcode: 'TS3 6LB' },
      '2024-09-03',
      null,
    ),
  ],
  parentIds: ['P000011'],
});
