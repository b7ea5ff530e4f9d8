// Evidence of employment, income and residence under UK Borders Act 2007 s.40 (¶6.87–6.95).
// HMRC answers only the kinds of evidence asked for, but each in full: every PAYE job, pay in every tax year
// since real-time information began, every address it holds. Narrowing that to what the agreement allows
// is the gateway's job.
import type { components } from '../../contracts/partners-types.ts';
import { findSubject } from '../matching.ts';
import { earlierOf, laterOf, toDayNumber } from '../population/dates.ts';
import { isEea, type PopulationIndex } from '../population/index.ts';
import type { Employment, IsoDate, Person } from '../population/types.ts';
import { PartnerRefusal } from '../sandbox-app.ts';

type Request = components['schemas']['HmrcEvidenceRequest'];
type Response = components['schemas']['HmrcEvidenceResponse'];
type Income = NonNullable<Response['income']>[number];

/** PAYE real-time information began in April 2013. */
const FIRST_RTI_TAX_YEAR = 2013;

/** HMRC's taxpayers: everyone with a NINo or a PAYE record. */
export const isTaxpayer = (person: Person): boolean => person.nino !== null || person.employment.length > 0;

/**
 * HMRC cannot see immigration status, but the Customer Information System it shares with DWP records the
 * nationality given when the NINo was issued. HMRC refuses from that record, so data about British and
 * EU/EEA citizens never leaves HMRC at all (¶6.79); the gateway should not rely on this alone, since the
 * recorded nationality can be out of date (naturalisation is not reported to HMRC).
 */
const outsideAgreement = (person: Person) => person.nationality === 'GBR' || isEea(person.nationality);

const taxYearLabel = (startYear: number) => `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
const daysBetween = (from: IsoDate, to: IsoDate) => toDayNumber(to) - toDayNumber(from) + 1;

/** Gross pay per tax year (6 April to 5 April), pro rata to the days worked in it. */
function payByTaxYear(job: Employment, today: IsoDate): Income[] {
  const end = job.to ?? today;
  const years: Income[] = [];
  for (let year = Math.max(FIRST_RTI_TAX_YEAR, Number(job.from.slice(0, 4)) - 1); `${year}-04-06` <= end; year += 1) {
    const yearStart = `${year}-04-06`;
    const yearEnd = `${year + 1}-04-05`;
    const from = laterOf(job.from, yearStart);
    const to = earlierOf(end, yearEnd);
    if (from > to) continue;
    const share = daysBetween(from, to) / daysBetween(yearStart, yearEnd);
    years.push({
      taxYear: taxYearLabel(year),
      employer: job.employer,
      payeReference: job.payeReference,
      grossPayPence: Math.round(job.annualIncomePence * share),
    });
  }
  return years;
}

export function createEvidenceRequest(index: PopulationIndex, today: IsoDate) {
  return (request: Request): Response => {
    const match = findSubject(index, request.subject, isTaxpayer);
    if (match.outcome !== 'matched') return { outcome: match.outcome };
    const person = match.person;
    if (outsideAgreement(person)) {
      throw new PartnerRefusal(
        422,
        'subject-out-of-scope',
        'HMRC does not release information about British citizens or EU/EEA nationals under this agreement',
      );
    }
    const wanted = new Set(request.evidence);
    return {
      outcome: 'matched',
      taxpayer: {
        nino: person.nino,
        forename: person.forename,
        surname: person.surname,
        dateOfBirth: person.dateOfBirth,
      },
      ...(wanted.has('employment') && {
        employment: person.employment.map((job) => ({
          employer: job.employer,
          payeReference: job.payeReference,
          from: job.from,
          to: job.to,
        })),
      }),
      ...(wanted.has('income') && { income: person.employment.flatMap((job) => payByTaxYear(job, today)) }),
      ...(wanted.has('residence') && {
        residence: person.addresses.map((a) => ({
          line1: a.line1,
          town: a.town,
          postcode: a.postcode,
          from: a.from,
          to: a.to,
        })),
      }),
    };
  };
}
