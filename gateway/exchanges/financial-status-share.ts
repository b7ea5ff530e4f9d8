// financial.status-share: the Home Office tells a bank or building society that a customer is a disqualified
// person (Immigration Acts 2014 and 2016). Restricted since April 2018 to under-30s facing deportation (¶5.43);
// whether someone faces deportation comes from Home Office records, not the request.
import type { components as partner } from '../../contracts/partners-types.ts';
import type { ExchangeOf } from './exchange-definition.ts';
import { lookUpFacts } from './home-office-records.ts';
import { identifiersOf } from './subject-identifiers.ts';

type Ack = partner['schemas']['FinancialStatusShareAcknowledgement'];

export const financialStatusShare: ExchangeOf<'financialStatusShare', 'acknowledged'> = {
  id: 'financial.status-share',
  operationId: 'financialStatusShare',
  upstream: 'financial',
  partner: 'financial-institutions',
  direction: 'outbound',
  mode: 'proactive',
  subjects: ({ subject }) => identifiersOf(subject),
  lookup: (upstreams, { subject }) => lookUpFacts(upstreams, subject),
  async call(upstreams, body) {
    const { subject } = body;
    const ack = await upstreams.financial!.post<Ack>(
      '/financial/status-share',
      {
        shareReference: body.shareReference,
        subject: {
          forename: subject.forename,
          surname: subject.surname,
          dateOfBirth: subject.dateOfBirth,
          ...(subject.postcode ? { postcode: subject.postcode } : {}),
        },
        status: body.status,
        reason: body.reason,
        effectiveFrom: body.effectiveFrom,
      },
      'FinancialStatusShareAcknowledgement',
    );
    return { outcome: 'acknowledged', candidate: { reference: ack.reference } };
  },
};
