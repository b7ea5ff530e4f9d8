// UKVI's exchanges with DWP: NINo alignment for each day's grants (¶6.33) and Accessed Public Funds checks (¶6.46–6.53).
import type { components as partner } from '../../contracts/partners-types.ts';
import type { ExchangeOf } from './exchange-definition.ts';
import { identifiersOf } from './subject-identifiers.ts';

type Trace = partner['schemas']['DwpNinoTraceResponse'];
type Funds = partner['schemas']['DwpAccessedPublicFundsResponse'];
type TraceResult = partner['schemas']['DwpNinoTraceResult'];

/** A grant DWP matched with confidence: its NINo confirmed, found or assigned. */
const matched = (r: TraceResult): r is TraceResult & { outcome: Exclude<TraceResult['outcome'], 'partial-match'> } =>
  r.outcome !== 'partial-match';

export const dwpNinoAlignment: ExchangeOf<'dwpNinoAlignment'> = {
  id: 'dwp.nino-alignment',
  operationId: 'dwpNinoAlignment',
  upstream: 'dwp',
  partner: 'dwp',
  direction: 'outbound',
  mode: 'proactive',
  subjects: ({ grants }) => grants.flatMap((g) => identifiersOf(g)),
  async call(upstreams, body) {
    const answer = await upstreams.dwp!.post<Trace>(
      '/dwp/nino-trace',
      {
        batchReference: body.batchReference,
        grants: body.grants.map(({ vulnerable: _vulnerable, ...grant }) => grant),
      },
      'DwpNinoTraceResponse',
    );
    const partial = answer.results.filter((r) => r.outcome === 'partial-match');
    return {
      outcome: partial.length > 0 ? 'needs-resolution' : 'aligned',
      candidate: {
        matches: answer.results
          .filter(matched)
          .map((r) => ({ homeOfficeReference: r.homeOfficeReference, outcome: r.outcome, nino: r.nino! })),
        // A partial match is never silently accepted: it comes back for resolution, without DWP's candidates' details (¶6.33).
        partialMatches: partial.map((r) => ({
          homeOfficeReference: r.homeOfficeReference,
          candidates: r.candidates?.length ?? 0,
        })),
      },
    };
  },
};

export const dwpAccessedPublicFunds: ExchangeOf<'dwpAccessedPublicFunds', 'matched' | 'no-match' | 'partial-match'> = {
  id: 'dwp.accessed-public-funds',
  operationId: 'dwpAccessedPublicFunds',
  upstream: 'dwp',
  partner: 'dwp',
  direction: 'outbound',
  mode: 'reactive',
  subjects: ({ subject }) => identifiersOf(subject),
  subjectFromRequest: ({ subject }) => ({ dateOfBirth: subject.dateOfBirth }),
  async call(upstreams, { subject, since }) {
    const answer = await upstreams.dwp!.post<Funds>(
      '/dwp/accessed-public-funds',
      {
        // The NINo with the particulars, so that a NINo held by someone else comes back as a partial match to
        // resolve, not as that person's claims (¶6.33).
        subject: {
          forename: subject.forename,
          surname: subject.surname,
          dateOfBirth: subject.dateOfBirth,
          ...(subject.nino ? { nino: subject.nino } : {}),
        },
        ...(since ? { since } : {}),
      },
      'DwpAccessedPublicFundsResponse',
    );
    if (answer.outcome === 'partial-match')
      return { outcome: 'partial-match', candidate: { match: false, partialMatches: answer.candidates?.length ?? 0 } };
    if (answer.outcome !== 'matched') return { outcome: 'no-match', candidate: { match: false } };
    return {
      outcome: 'matched',
      candidate: {
        match: true,
        claims: (answer.claims ?? []).map((c) => ({ benefit: c.benefit, from: c.from, to: c.to, basis: c.basis })),
        // Where each claim was made is DWP's record; the agreement decides whether it leaves.
        claimAddresses: (answer.claims ?? []).map((c) => c.claimAddress),
      },
    };
  },
};
