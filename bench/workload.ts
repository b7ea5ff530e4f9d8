// The exchanges the HTTP benches send. Most send DWP's reactive status check (dwp.status-check) about one person
// in the sandbox population: through the gateway it is authenticated, validated, looked up in the Home Office
// records sandbox, decided, audited (decision and outcome in one durable write) and minimised; directly, it is the
// sandbox lookup alone. The forwarded exchange, with two durable writes, follows below.
import { fixtures } from '../sandbox/population/fixtures.ts';
import { generatePopulation } from '../sandbox/population/index.ts';
import type { Target } from './support/load.ts';

const person = generatePopulation().people.find(
  (p) =>
    p.nino &&
    p.immigration.status === 'limited-leave' &&
    !p.immigration.commonwealthArrivalBefore1973 &&
    p.id > 'P000100',
)!;

export function directTarget(origin: string): Target {
  return {
    origin,
    path: '/home-office/status-check',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ subject: { nino: person.nino } }),
  };
}

export function gatewayTarget(origin: string, token: string): Target {
  return {
    origin,
    path: '/v1/exchanges/dwp/status-check',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      purpose: 'benefit-entitlement-status-check',
      legalBasis: 'ssaa-1992-s122b',
      caseReference: 'DWP-BENCH-1',
      subject: {
        forename: person.forename,
        surname: person.surname,
        dateOfBirth: person.dateOfBirth,
        nino: person.nino,
      },
    }),
  };
}

// The forwarded exchange: hmrc.evidence-request from Immigration Enforcement under UK Borders Act 2007 s.40,
// about a person HMRC holds records for. Its decision is committed before HMRC is called and its outcome after,
// so it costs two durable writes where the status check costs one. IE's case-by-case s.40 route (agreement
// ie-ukvi-hmrc-s40-requests) sets no monthly cap, unlike UKVI's bulk agreement (10,000 a month, ¶6.95), so a
// bench of any length measures the exchange itself, never the cap's refusal.
const evidenceSubject = {
  forename: fixtures.traceableChildFather.forename,
  surname: fixtures.traceableChildFather.surname,
  dateOfBirth: fixtures.traceableChildFather.dateOfBirth,
};
const statedUse = 'To establish whether the person has worked in breach of their conditions of stay';
export const evidenceClient = 'ie-removals-casework';

export function directEvidenceTarget(origin: string): Target {
  return {
    origin,
    path: '/hmrc/evidence-request',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      subject: evidenceSubject,
      evidence: ['employment', 'income', 'residence'],
      statedUse,
      caseReference: 'IE-BENCH-1',
    }),
  };
}

export function gatewayEvidenceTarget(origin: string, token: string): Target {
  return {
    origin,
    path: '/v1/exchanges/hmrc/evidence-request',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      purpose: 'immigration-offences',
      legalBasis: 'ukba-2007-s40',
      caseReference: 'IE-BENCH-1',
      subject: evidenceSubject,
      statedUse,
    }),
  };
}
