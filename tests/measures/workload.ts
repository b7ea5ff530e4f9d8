// A generated workload of real exchanges through the gateway, and what each answer said. The test computes the
// expected measures from these answers alone, independently of the measures code.
import { fixtures } from '../../sandbox/population/fixtures.ts';
import type { TestGateway } from '../support/gateway.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';

export interface Sent {
  template: string;
  exchange: string;
  direction: 'outbound' | 'inbound';
  client: string;
  day: string;
  status: number;
  auditId: string;
  decision: 'permit' | 'deny';
  agreement: string | null;
  deniedBy: string[];
  outcome: string | null;
  notices: string[];
}

const person = (p: { forename: string; surname: string; dateOfBirth: string }) => ({
  forename: p.forename,
  surname: p.surname,
  dateOfBirth: p.dateOfBirth,
});
const amara = fixtures.traceableChild;
const statusCheck = (subject: object) => ({
  purpose: 'benefit-entitlement-status-check',
  legalBasis: 'ssaa-1992-s122b',
  caseReference: 'DWP-BEN-7781',
  subject,
});
const notification = (p: typeof fixtures.windrushElder) => ({
  purpose: 'compliant-environment-notification',
  legalBasis: 'iaa-1999-s21',
  caseReference: 'HO-CE-2026-1',
  notificationReference: 'N-2026-1',
  change: 'leave-curtailed',
  effectiveFrom: '2026-10-01',
  subject: { ...person(p), homeOfficeReference: p.immigration.homeOfficeReference! },
});

/** Each template: who calls, which endpoint, what body. Some are permitted, some refused, some find no one. */
export const templates: Record<
  string,
  { exchange: string; direction: 'outbound' | 'inbound'; client: string; path: string; body: () => object }
> = {
  'trace-matched': {
    exchange: 'dfe.child-trace',
    direction: 'outbound',
    client: 'ie-removals-casework',
    path: childTracePath,
    body: () => childTraceRequest({ ...amara, postcode: currentPostcode(amara) }),
  },
  'trace-no-match': {
    exchange: 'dfe.child-trace',
    direction: 'outbound',
    client: 'ie-removals-casework',
    path: childTracePath,
    body: () => childTraceRequest({ ...amara, postcode: 'ZZ9 9ZZ' }),
  },
  'trace-nationality': {
    exchange: 'dfe.child-trace',
    direction: 'outbound',
    client: 'ie-removals-casework',
    path: childTracePath,
    body: () =>
      childTraceRequest(
        { ...amara, postcode: currentPostcode(amara) },
        { subject: { ...person(amara), postcode: currentPostcode(amara), nationality: 'NGA' } },
      ),
  },
  'trace-no-grounds': {
    exchange: 'dfe.child-trace',
    direction: 'outbound',
    client: 'ie-removals-casework',
    path: childTracePath,
    body: () =>
      childTraceRequest(
        { ...amara, postcode: currentPostcode(amara) },
        { grounds: { parentBelievedImmigrationOffender: false } },
      ),
  },
  'dwp-check-windrush': {
    exchange: 'dwp.status-check',
    direction: 'inbound',
    client: 'dwp-benefits',
    path: '/v1/exchanges/dwp/status-check',
    body: () => statusCheck({ ...person(fixtures.windrushElder), nino: fixtures.windrushElder.nino! }),
  },
  'dwp-check-priya': {
    exchange: 'dwp.status-check',
    direction: 'inbound',
    client: 'dwp-benefits',
    path: '/v1/exchanges/dwp/status-check',
    body: () => statusCheck({ ...person(fixtures.turns30On2018_05_01), nino: fixtures.turns30On2018_05_01.nino! }),
  },
  'dwp-check-unknown': {
    exchange: 'dwp.status-check',
    direction: 'inbound',
    client: 'dwp-benefits',
    path: '/v1/exchanges/dwp/status-check',
    body: () => statusCheck({ forename: 'Nobody', surname: 'Known-Anywhere', dateOfBirth: '1970-01-01' }),
  },
  'hmrc-notify-elder': {
    exchange: 'hmrc.proactive-notification',
    direction: 'outbound',
    client: 'ho-status-sharing',
    path: '/v1/exchanges/hmrc/proactive-notification',
    body: () => notification(fixtures.windrushElder),
  },
  'hmrc-notify-young': {
    exchange: 'hmrc.proactive-notification',
    direction: 'outbound',
    client: 'ho-status-sharing',
    path: '/v1/exchanges/hmrc/proactive-notification',
    body: () => notification(fixtures.offenderUnder30),
  },
  'fsm-check': {
    exchange: 'dfe.fsm-eligibility',
    direction: 'inbound',
    client: 'dfe-pupil-data',
    path: '/v1/exchanges/dfe/fsm-eligibility',
    body: () => ({
      purpose: 'free-school-meals-eligibility',
      legalBasis: 'iaa-1999-s95',
      caseReference: 'ECS-2026-77',
      subject: { ...person(fixtures.s95Parent), homeOfficeReference: 'HO-4000011' },
    }),
  },
};

/** A small seeded generator, so that the workload is the same on every run and on both databases. */
export function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function send(gw: TestGateway, name: string, day: string): Promise<Sent> {
  const t = templates[name]!;
  const res = await gw.http
    .post(t.path)
    .set('authorization', `Bearer ${await gw.token(t.client)}`)
    .send(t.body());
  const decision = res.body.decision as
    | { decision: 'permit' | 'deny'; agreement: { id: string } | null; rules: { id: string; outcome: string }[] }
    | undefined;
  if (!decision)
    throw new Error(`${name}: no decision in a ${res.status} answer: ${JSON.stringify(res.body).slice(0, 300)}`);
  return {
    template: name,
    exchange: t.exchange,
    direction: t.direction,
    client: t.client,
    day,
    status: res.status,
    auditId: res.body.auditId,
    decision: decision.decision,
    agreement: decision.agreement?.id ?? null,
    deniedBy: decision.rules.filter((r) => r.outcome === 'deny').map((r) => r.id),
    outcome: res.status === 200 ? res.body.outcome : null,
    notices: res.body.notices ?? [],
  };
}
