// NHS exchanges: Trusts report non-EEA debtors (¶6.143–6.154); the Home Office asks NHS Digital to trace a
// person only for the narrowed purposes (¶5.36, fn 32). Non-clinical data only, always.
import type { components as partner } from '../../contracts/partners-types.ts';
import type { ExchangeOf } from './exchange-definition.ts';
import { lookUpFacts } from './home-office-records.ts';
import { identifiersOf } from './subject-identifiers.ts';

type Receipt = {
  outcome: 'recorded' | 'not-matched';
  reference?: string;
  homeOfficeReference?: string;
  previousStatus?: string | null;
};
type TraceAnswer = partner['schemas']['NhsTraceResponse'];

export const nhsDebtorReturn: ExchangeOf<'nhsDebtorReturn', 'recorded' | 'not-matched'> = {
  id: 'nhs.debtor-return',
  operationId: 'nhsDebtorReturn',
  upstream: 'homeOffice',
  partner: 'home-office-ie',
  direction: 'inbound',
  mode: 'proactive',
  subjects: ({ subject }) => identifiersOf(subject),
  // Nationality (EEA or not) comes from Home Office records, not from the Trust.
  lookup: (upstreams, { subject }) => lookUpFacts(upstreams, subject),
  async call(upstreams, { subject, debt }) {
    const receipt = await upstreams.homeOffice!.post<Receipt>(
      '/home-office/nhs-debtor-reports',
      {
        ...(subject.homeOfficeReference ? { homeOfficeReference: subject.homeOfficeReference } : {}),
        forename: subject.forename,
        surname: subject.surname,
        dateOfBirth: subject.dateOfBirth,
        amountPence: debt.amountPence,
        invoicedOn: debt.invoicedOn,
        status: debt.status,
      },
      'HomeOfficeNhsDebtorReceipt',
    );
    if (receipt.outcome !== 'recorded') return { outcome: 'not-matched', candidate: { recorded: false } };
    return {
      outcome: 'recorded',
      candidate: {
        recorded: true,
        reference: receipt.reference,
        previousStatus: receipt.previousStatus ?? null,
        homeOfficeReference: receipt.homeOfficeReference,
      },
    };
  },
};

export const nhsTraceRequest: ExchangeOf<'nhsTraceRequest', 'matched' | 'no-match' | 'multiple-matches'> = {
  id: 'nhs.trace-request',
  operationId: 'nhsTraceRequest',
  upstream: 'nhs',
  partner: 'nhs-digital',
  direction: 'outbound',
  mode: 'reactive',
  subjects: ({ subject }) => identifiersOf(subject),
  subjectFromRequest: ({ subject }) => ({ dateOfBirth: subject.dateOfBirth }),
  async call(upstreams, { subject }) {
    const answer = await upstreams.nhs!.post<TraceAnswer>(
      '/nhs/trace',
      {
        forename: subject.forename,
        surname: subject.surname,
        dateOfBirth: subject.dateOfBirth,
        ...(subject.postcode ? { postcode: subject.postcode } : {}),
      },
      'NhsTraceResponse',
    );
    if (answer.outcome !== 'matched' || !answer.patient)
      return { outcome: answer.outcome, candidate: { match: false } };
    const { line1, town, postcode } = answer.patient.address;
    return {
      outcome: 'matched',
      candidate: { match: true, address: { line1, town, postcode }, gpPracticeName: answer.patient.gpPracticeName },
    };
  },
};
