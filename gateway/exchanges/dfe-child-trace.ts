// dfe.child-trace: Immigration Enforcement asks DfE to trace a child (collaboration 7, ¶6.100–6.112).
import type { components } from '../../contracts/openapi-types.ts';
import type { components as partner } from '../../contracts/partners-types.ts';
import type { ExchangeOf } from './exchange-definition.ts';

type PupilTrace = partner['schemas']['DfePupilTraceResponse'];
type Address = components['schemas']['TracedAddress'];

export const dfeChildTrace: ExchangeOf<'dfeChildTrace'> = {
  id: 'dfe.child-trace',
  operationId: 'dfeChildTrace',
  upstream: 'dfe',
  partner: 'dfe',
  direction: 'outbound',
  mode: 'reactive',
  subjects: ({ subject }) => [
    { kind: 'name-dob', forename: subject.forename, surname: subject.surname, dateOfBirth: subject.dateOfBirth },
  ],
  subjectFromRequest: ({ subject }) => ({ dateOfBirth: subject.dateOfBirth }),
  async call(upstreams, { subject }) {
    // Three-point match: only name, date of birth and postcode go to DfE (fn 65).
    const answer = await upstreams.dfe!.post<PupilTrace>(
      '/pupil-trace',
      {
        forename: subject.forename,
        surname: subject.surname,
        dateOfBirth: subject.dateOfBirth,
        postcode: subject.postcode,
      },
      'DfePupilTraceResponse',
    );
    if (answer.status !== 'matched' || !answer.pupil) return { outcome: 'no-match', candidate: { match: false } };
    const { pupil } = answer;
    const addresses: Address[] = [
      ...pupil.homeAddresses.map((a) => ({
        kind: 'home' as const,
        line1: a.line1,
        town: a.town,
        postcode: a.postcode,
        from: a.from,
        to: a.to,
      })),
      ...pupil.schools.map((s) => ({
        kind: 'school' as const,
        schoolName: s.schoolName,
        line1: s.address.line1,
        town: s.address.town,
        postcode: s.address.postcode,
        from: s.from,
        to: s.to,
      })),
    ];
    // Parents are mapped too, so that the agreement, not this adapter, is what keeps them from leaving (¶6.102).
    return { outcome: 'matched', candidate: { match: true, addresses, parents: pupil.parents ?? [] } };
  },
};
