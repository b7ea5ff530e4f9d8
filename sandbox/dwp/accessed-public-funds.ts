// Accessed Public Funds checks (¶6.46–6.53): has this applicant claimed benefits, which, from when and on
// what basis. DWP answers with its whole claim record, the NINo and the address each claim began at
// included (¶6.51 asks about claims "while at a specific address"); keeping to what the agreement allows
// is the gateway's job.
import type { components } from '../../contracts/partners-types.ts';
import { addYears } from '../population/dates.ts';
import { currentAddress } from '../population/index.ts';
import type { Benefit, BenefitClaim, Person } from '../population/types.ts';
import type { CustomerMatcher } from './customers.ts';

type Request = components['schemas']['DwpAccessedPublicFundsRequest'];
type Response = components['schemas']['DwpAccessedPublicFundsResponse'];
type Claim = components['schemas']['DwpBenefitClaim'];
type DwpBenefit = Claim['benefit'];

/** Child benefit and tax credits are HMRC's, not DWP's; housing benefit is the councils', seen by DWP. */
const dwpBenefits = new Set<Benefit>([
  'universal-credit',
  'jobseekers-allowance',
  'employment-support-allowance',
  'personal-independence-payment',
  'housing-benefit',
]);
const isDwpBenefit = (claim: BenefitClaim): claim is BenefitClaim & { benefit: DwpBenefit } =>
  dwpBenefits.has(claim.benefit);

/** JSA and ESA are contribution-based after recent work (National Insurance paid), income-related otherwise. */
function basisOf(person: Person, claim: BenefitClaim & { benefit: DwpBenefit }): Claim['basis'] {
  switch (claim.benefit) {
    case 'universal-credit':
      return 'income-related';
    case 'personal-independence-payment':
      return 'disability';
    case 'housing-benefit':
      return 'housing-costs';
    case 'jobseekers-allowance':
    case 'employment-support-allowance': {
      const workedRecently = person.employment.some(
        (job) => job.from < claim.from && (job.to === null || job.to >= addYears(claim.from, -2)),
      );
      return workedRecently ? 'contribution-based' : 'income-related';
    }
  }
}

/** As DWP recorded it when the claim was made; the sandbox reads it from today's immigration record. */
function residenceBasisOf(person: Person): Claim['residenceBasis'] {
  if (person.immigration.noRecourseToPublicFunds) return 'none-recorded';
  switch (person.immigration.status) {
    case 'british-citizen':
      return 'british-or-irish-citizen';
    case 'settled':
      return 'settled-status';
    case 'eea-settled':
      return 'eu-settlement-scheme';
    case 'refugee':
      return 'refugee-status';
    case 'limited-leave':
      return 'limited-leave';
    case 'asylum-seeker':
    case 'no-leave':
      return 'none-recorded';
  }
}

function addressOn(person: Person, day: string): Claim['claimAddress'] {
  const address =
    person.addresses.find((a) => a.from <= day && (a.to === null || a.to >= day)) ?? currentAddress(person);
  return { line1: address.line1, town: address.town, postcode: address.postcode };
}

export function createPublicFundsCheck(matchCustomer: CustomerMatcher) {
  return (request: Request): Response => {
    const match = matchCustomer(request.subject);
    if (match.outcome === 'no-match') return { outcome: 'no-match' };
    if (match.outcome === 'partial-match') return { outcome: 'partial-match', candidates: match.candidates };
    const { customer } = match;
    const since = request.since;
    const claims = customer.benefitClaims
      .filter(isDwpBenefit)
      .filter((claim) => since === undefined || claim.to === null || claim.to >= since)
      .map((claim) => ({
        benefit: claim.benefit,
        from: claim.from,
        to: claim.to,
        basis: basisOf(customer, claim),
        residenceBasis: residenceBasisOf(customer),
        claimAddress: addressOn(customer, claim.from),
      }));
    return { outcome: 'matched', nino: customer.nino, claims };
  };
}
