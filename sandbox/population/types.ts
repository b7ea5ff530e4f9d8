// The shape of the synthetic records the sandbox partner services (DWP, HMRC, DfE, NHS, Home Office) serve.
// Fields may be added but not removed or renamed: the sandbox services and their tests depend on them.

export type IsoDate = string; // YYYY-MM-DD
export interface Address {
  line1: string;
  town: string;
  postcode: string;
  from: IsoDate;
  to: IsoDate | null;
}
export type ImmigrationStatus =
  | 'british-citizen'
  | 'settled'
  | 'limited-leave'
  | 'no-leave'
  | 'asylum-seeker'
  | 'refugee'
  | 'eea-settled';
export interface Immigration {
  status: ImmigrationStatus;
  leaveType: string | null; // e.g. 'indefinite-leave-to-remain', 'tier-2-general', 'student', 'spouse', null
  leaveValidFrom: IsoDate | null;
  leaveValidTo: IsoDate | null; // null = indefinite
  noRecourseToPublicFunds: boolean;
  supportedUnderS95: boolean;
  arrivedInUk: IsoDate | null;
  commonwealthArrivalBefore1973: boolean;
  facingDeportationForCriminalOffence: boolean;
  sentenceMonths: number | null;
  homeOfficeReference: string | null; // e.g. 'HO-' + 7 digits
}
export interface Employment {
  employer: string;
  payeReference: string;
  from: IsoDate;
  to: IsoDate | null;
  annualIncomePence: number;
}
export type Benefit =
  | 'universal-credit'
  | 'jobseekers-allowance'
  | 'employment-support-allowance'
  | 'personal-independence-payment'
  | 'child-benefit'
  | 'tax-credits'
  | 'housing-benefit';
export interface BenefitClaim {
  benefit: Benefit;
  from: IsoDate;
  to: IsoDate | null;
}
export interface SchoolPlacement {
  urn: string;
  schoolName: string;
  address: Address;
  from: IsoDate;
  to: IsoDate | null;
}
export type DebtStatus =
  | 'debt-outstanding'
  | 'repayment-arrangement'
  | 'defaulted-debt-still-outstanding'
  | 'debt-repaid';
export interface NhsDebt {
  trust: string;
  amountPence: number;
  invoicedOn: IsoDate;
  status: DebtStatus;
}
export interface Person {
  id: string; // 'P000001'
  forename: string;
  surname: string;
  dateOfBirth: IsoDate;
  sex: 'F' | 'M';
  nationality: string; // ISO 3166-1 alpha-3, 'GBR' for British
  nino: string | null;
  addresses: Address[]; // oldest first; the last has to: null
  immigration: Immigration;
  employment: Employment[];
  benefitClaims: BenefitClaim[];
  schoolHistory: SchoolPlacement[]; // children only
  parentIds: string[];
  childIds: string[];
  nhsDebts: NhsDebt[];
}
export interface Population {
  seed: number;
  referenceDate: IsoDate;
  people: Person[];
}
