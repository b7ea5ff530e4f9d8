// The exchange every HTTP bench sends: DWP's reactive status check (dwp.status-check) about one person in the
// sandbox population. Through the gateway it is authenticated, validated, decided, audited twice (decision and
// outcome), looked up in the Home Office records sandbox and minimised; directly, it is the sandbox lookup alone.
import { generatePopulation } from '../gateway/sandbox/population/index.ts';
import type { Target } from './support/load.ts';

const person = generatePopulation().people.find((p) => p.nino && p.immigration.status === 'limited-leave' && !p.immigration.commonwealthArrivalBefore1973 && p.id > 'P000100')!;

export function directTarget(origin: string): Target {
  return {
    origin, path: '/home-office/status-check', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject: { nino: person.nino } }),
  };
}

export function gatewayTarget(origin: string, token: string): Target {
  return {
    origin, path: '/v1/exchanges/dwp/status-check',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      purpose: 'benefit-entitlement-status-check', legalBasis: 'unstated-dwp-status-check-basis', caseReference: 'DWP-BENCH-1',
      subject: { forename: person.forename, surname: person.surname, dateOfBirth: person.dateOfBirth, nino: person.nino },
    }),
  };
}
