// The policy decision in process, as the recorder makes it: find the governing agreement among the versions the
// in-memory register holds for the exchange and party, take the directives in force, evaluate all fourteen rules. Measured with the default register alone (the baseline) and with 1,000 extra
// agreements covering the same exchanges, as a register that grew would hold.
import { defaultRegister } from '../mou-registry/default-register/index.ts';
import { registerView } from '../mou-registry/register-cache.ts';
import { selectAgreement } from '../mou-registry/select-agreement.ts';
import type { AgreementVersion } from '../mou-registry/types.ts';
import { dataFieldsOf } from '../gateway/exchanges/exchange-definition.ts';
import { decide } from '../gateway/policy/engine.ts';
import type { Facts } from '../gateway/policy/types.ts';
import { summarise, type LatencySummary } from './support/stats.ts';

interface Case {
  exchange: Facts['exchange'];
  caller: Facts['caller'];
  request: Record<string, unknown>;
  subject: Facts['subject'];
}

const person = { forename: 'Sam', surname: 'Example', dateOfBirth: '1973-01-15', nino: 'QQ123456C' };
const cases: Case[] = [
  {
    exchange: { id: 'dwp.status-check', mode: 'reactive', partner: 'home-office', direction: 'inbound' },
    caller: { clientId: 'dwp-benefits', party: 'dwp' },
    request: {
      purpose: 'benefit-entitlement-status-check',
      legalBasis: 'ssaa-1992-s122b',
      caseReference: 'DWP-1',
      subject: person,
    },
    subject: {
      dateOfBirth: person.dateOfBirth,
      windrushProfile: false,
      facingDeportationForCriminalOffence: false,
      eeaNational: false,
    },
  },
  {
    exchange: { id: 'hmrc.proactive-notification', mode: 'proactive', partner: 'hmrc', direction: 'outbound' },
    caller: { clientId: 'ho-status-sharing', party: 'home-office' },
    request: {
      purpose: 'compliant-environment-notification',
      legalBasis: 'iaa-1999-s21',
      caseReference: 'HO-CE-1',
      notificationReference: 'N-1',
      change: 'leave-curtailed',
      effectiveFrom: '2018-03-01',
      subject: person,
    },
    subject: {
      dateOfBirth: person.dateOfBirth,
      windrushProfile: false,
      facingDeportationForCriminalOffence: false,
      eeaNational: false,
    },
  },
  {
    exchange: { id: 'dfe.child-trace', mode: 'reactive', partner: 'dfe', direction: 'outbound' },
    caller: { clientId: 'ie-removals-casework', party: 'home-office-ie' },
    request: {
      purpose: 'trace-child-of-immigration-offender',
      legalBasis: 'dpa-1998-s29-3',
      caseReference: 'IE-1',
      grounds: { parentBelievedImmigrationOffender: true },
      subject: { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' },
    },
    subject: {
      dateOfBirth: '2016-03-14',
      windrushProfile: null,
      facingDeportationForCriminalOffence: null,
      eeaNational: null,
    },
  },
];

/** 1,000 agreements copied from real ones, between other parties, on other days, some with the caller. */
function extraAgreements(base: AgreementVersion[], count: number): AgreementVersion[] {
  const covering = base.filter((v) => cases.some((c) => v.exchanges.some((e) => e.exchange === c.exchange.id)));
  return Array.from({ length: count }, (_, i) => {
    const model = covering[i % covering.length]!;
    const stranger = `local-body-${i}`;
    const withCaller = i % 10 === 0;
    const parties = withCaller ? model.parties : model.parties.map((p, j) => (j === 0 ? stranger : p));
    return {
      ...model,
      agreementId: `extra-${i}`,
      version: '1.0',
      parties,
      exchanges: model.exchanges.map((e) => ({ ...e, requesters: withCaller ? e.requesters : [stranger] })),
      inForceFrom: `20${10 + (i % 15)}-0${1 + (i % 9)}-01`,
      inForceTo: withCaller ? '2015-12-31' : null,
    };
  });
}

function measure(versions: AgreementVersion[], iterations: number): LatencySummary {
  // The register as the gateway holds it in memory (mou-registry/register-cache.ts), indexed by exchange and party.
  const register = registerView(versions, defaultRegister.directives);
  const samples: number[] = new Array(iterations);
  let permits = 0;
  for (let i = 0; i < iterations; i++) {
    const c = cases[i % cases.length]!;
    const request = c.request as { purpose: string; legalBasis: string };
    const started = process.hrtime.bigint();
    const agreement = selectAgreement(register.versionsCovering(c.exchange.id, c.caller.party), {
      exchange: c.exchange.id,
      party: c.caller.party,
      purpose: request.purpose,
      day: '2026-11-23',
    });
    const decision = decide({
      decisionDate: '2026-11-23',
      caller: c.caller,
      exchange: c.exchange,
      request: {
        purpose: request.purpose,
        legalBasis: request.legalBasis,
        dataFields: dataFieldsOf(c.request),
        data: c.request,
      },
      agreement,
      directives: register.directivesInForce('2026-11-23'),
      subject: c.subject,
      counters: { usedThisMonth: 12 },
    });
    samples[i] = Number(process.hrtime.bigint() - started) / 1000; // µs
    if (decision.decision === 'permit') permits += 1;
  }
  if (permits === 0) throw new Error('the policy bench permitted nothing: its cases no longer match the register');
  return summarise(samples);
}

export function benchPolicyDecision(iterations: number) {
  const base = defaultRegister.versions;
  measure(base, Math.min(iterations, 20_000)); // warm the JIT on both shapes before measuring either
  const grown = [...base, ...extraAgreements(base, 1000)];
  measure(grown, Math.min(iterations, 20_000));
  return {
    baseline: measure(base, iterations),
    withExtraAgreements: measure(grown, iterations),
    agreements: { default: base.length, extra: 1000 },
  };
}

if (import.meta.url === `file://${process.argv[1]}`)
  console.log(JSON.stringify(benchPolicyDecision(Number(process.argv[2] ?? 200_000)), null, 2));
