// hmrc.evidence-request: IE or UKVI asks HMRC for evidence of employment, income and residence under UK
// Borders Act 2007 s.40 (¶6.87–6.95). HMRC refuses to sweep in British or EU citizens' data (¶6.79).
import type { components as partner } from '../../contracts/partners-types.ts';
import { UpstreamError } from '../upstream/upstream-client.ts';
import type { ExchangeOf } from './exchange-definition.ts';
import { identifiersOf } from './subject-identifiers.ts';

type Evidence = partner['schemas']['HmrcEvidenceResponse'];

export const hmrcEvidenceRequest: ExchangeOf<
  'hmrcEvidenceRequest',
  'matched' | 'no-match' | 'multiple-matches' | 'out-of-scope'
> = {
  id: 'hmrc.evidence-request',
  operationId: 'hmrcEvidenceRequest',
  upstream: 'hmrc',
  partner: 'hmrc',
  direction: 'outbound',
  mode: 'reactive',
  subjects: ({ subject }) => identifiersOf(subject),
  subjectFromRequest: ({ subject }) => ({ dateOfBirth: subject.dateOfBirth }),
  async call(upstreams, body) {
    const { subject } = body;
    let answer: Evidence;
    try {
      answer = await upstreams.hmrc!.post<Evidence>(
        '/hmrc/evidence-request',
        {
          // Every particular goes with the NINo, so that HMRC answers only if they all agree: a NINo alone would
          // bring back whoever holds it, even when it was mistyped or belongs to someone else.
          subject: {
            forename: subject.forename,
            surname: subject.surname,
            dateOfBirth: subject.dateOfBirth,
            ...(subject.nino ? { nino: subject.nino } : {}),
          },
          evidence: body.evidence ?? ['employment', 'income', 'residence'],
          // Required by the gateway's contract, so that HMRC is never asked without it (¶6.79).
          statedUse: body.statedUse,
          caseReference: body.caseReference,
        },
        'HmrcEvidenceResponse',
      );
    } catch (error) {
      // HMRC's own refusal (British or EEA national) is an answer, not a failure: nothing about the person came back.
      if (error instanceof UpstreamError && error.status === 422)
        return { outcome: 'out-of-scope', candidate: { match: false } };
      throw error;
    }
    // Two taxpayers fit the particulars: the requester is told so, and nothing about either leaves HMRC.
    if (answer.outcome !== 'matched') return { outcome: answer.outcome, candidate: { match: false } };
    return {
      outcome: 'matched',
      candidate: {
        match: true,
        employment: answer.employment?.map((e) => ({ employer: e.employer, from: e.from, to: e.to })),
        income: answer.income?.map((i) => ({ taxYear: i.taxYear, payPence: i.grossPayPence })),
        residence: answer.residence?.map((r) => ({
          line1: r.line1,
          town: r.town,
          postcode: r.postcode,
          from: r.from,
          to: r.to,
        })),
        taxpayer: answer.taxpayer,
      },
    };
  },
};
