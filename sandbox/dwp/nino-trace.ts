// NINo alignment (¶6.33): for each grant on the day's batch from CID, DWP confirms the NINo the applicant
// gave, finds the one it already holds, or assigns a new one; a partial match goes back for resolution.
import type { components } from '../../contracts/partners-types.ts';
import { createIdentifierIssuer } from '../population/identifiers.ts';
import { createRandom, normaliseNino } from '../population/index.ts';
import type { Population } from '../population/types.ts';
import type { CustomerMatcher } from './customers.ts';

type Grant = components['schemas']['DwpGrant'];
type Request = components['schemas']['DwpNinoTraceRequest'];
type Response = components['schemas']['DwpNinoTraceResponse'];
type Result = components['schemas']['DwpNinoTraceResult'];

/** A seed from the grant, so that the NINo assigned to a grant is the same on every run. */
function seedOf(text: string): number {
  let hash = 2_166_136_261;
  for (let i = 0; i < text.length; i += 1) hash = Math.imul(hash ^ text.charCodeAt(i), 16_777_619);
  return hash >>> 0;
}

export function createNinoTracer(population: Population, matchCustomer: CustomerMatcher) {
  const issued = new Set(population.people.flatMap((p) => (p.nino === null ? [] : [p.nino])));
  /** NINos this sandbox has assigned, by the Home Office reference of the grant they were assigned for. */
  const assigned = new Map<string, string>();

  function assign(grant: Grant): string {
    const issuer = createIdentifierIssuer(createRandom(seedOf(grant.homeOfficeReference)), []);
    let nino: string;
    do nino = issuer.nino();
    while (issued.has(nino));
    issued.add(nino);
    assigned.set(grant.homeOfficeReference, nino);
    return nino;
  }

  function trace(grant: Grant): Result {
    const { homeOfficeReference } = grant;
    const supplied = grant.nino === undefined ? undefined : normaliseNino(grant.nino);
    const earlier = assigned.get(homeOfficeReference);
    if (earlier !== undefined)
      return { homeOfficeReference, outcome: supplied === earlier ? 'confirmed' : 'found', nino: earlier };

    const match = matchCustomer(grant);
    switch (match.outcome) {
      case 'matched':
        return {
          homeOfficeReference,
          outcome: match.customer.nino === supplied ? 'confirmed' : 'found',
          nino: match.customer.nino,
        };
      case 'partial-match':
        return { homeOfficeReference, outcome: 'partial-match', candidates: match.candidates };
      case 'no-match':
        return { homeOfficeReference, outcome: 'assigned', nino: assign(grant) };
    }
  }

  return (request: Request): Response => ({
    ...(request.batchReference === undefined ? {} : { batchReference: request.batchReference }),
    results: request.grants.map(trace),
  });
}
