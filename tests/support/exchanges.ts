// What every governed exchange promises its caller, asserted the same way in every exchange and scenario test:
// the decision is one object everywhere, a refusal is a 403 problem+json that names the rule and is audited.
import { expect } from 'vitest';
import type { Response } from 'supertest';
import type { Person } from '../../sandbox/population/types.ts';
import type { TestGateway } from './gateway.ts';

/** The rules decided from the request alone, then those decided from what is known of the person. */
export const requestRuleOrder = [
  'party',
  'agreement-in-force',
  'purpose',
  'legal-basis',
  'direction',
  'field-scope',
  'nhs-narrowed-scope',
  'nhs-non-clinical',
  'dfe-offender-belief',
  'debtor-threshold',
  'match-quality',
  'unknown-directive',
  'monthly-cap',
];
export const subjectRuleOrder = ['windrush-pause', 'financial-services-age', 'debtor-nationality'];
/** Every rule, in the order a decision lists them. */
export const ruleOrder = [...requestRuleOrder, ...subjectRuleOrder];

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Decision = {
  decision: 'permit' | 'deny';
  rules: { id: string; outcome: string; reason: string }[];
  obligations: { id: string }[];
  agreement: { id: string; version: string } | null;
  directives: string[];
  auditId: string;
};

/**
 * `{ decision, rules:[{id,outcome,reason}], obligations, agreement:{id,version}, directives, auditId }`, and nothing
 * else. A caller refused on the request alone is shown the request's rules only; otherwise every rule.
 */
export function expectDecisionObject(
  decision: Decision,
  expected: { decision?: 'permit' | 'deny'; agreement?: Decision['agreement'] } = {},
): Decision {
  // monthlyCap: where the agreement has a cap and the caller is a party to it.
  expect(
    Object.keys(decision)
      .filter((k) => k !== 'monthlyCap')
      .sort(),
  ).toEqual(['agreement', 'auditId', 'decision', 'directives', 'obligations', 'rules']);
  const ids = decision.rules.map((r) => r.id);
  if (ids.length === requestRuleOrder.length) {
    expect(ids).toEqual(requestRuleOrder);
    expect(decision.rules.some((r) => r.outcome === 'deny')).toBe(true);
  } else {
    expect(ids).toEqual(ruleOrder);
  }
  for (const rule of decision.rules) {
    expect(Object.keys(rule).sort()).toEqual(['id', 'outcome', 'reason']);
    expect(['permit', 'deny', 'not-applicable']).toContain(rule.outcome);
    expect(rule.reason.length).toBeGreaterThan(10);
  }
  expect(decision.decision).toBe(decision.rules.some((r) => r.outcome === 'deny') ? 'deny' : 'permit');
  if (decision.agreement !== null) expect(Object.keys(decision.agreement).sort()).toEqual(['id', 'version']);
  expect(Array.isArray(decision.obligations)).toBe(true);
  for (const o of decision.obligations) expect(typeof o.id).toBe('string');
  expect(decision.directives.every((d) => typeof d === 'string')).toBe(true);
  expect(decision.auditId).toMatch(uuid);
  if (expected.decision) expect(decision.decision).toBe(expected.decision);
  if (expected.agreement !== undefined) expect(decision.agreement).toEqual(expected.agreement);
  return decision;
}

export const outcomeOf = (decision: Decision, ruleId: string) => decision.rules.find((r) => r.id === ruleId)!.outcome;
export const deniedRules = (decision: Decision) => decision.rules.filter((r) => r.outcome === 'deny').map((r) => r.id);

/** A caller with a token of its own, as a partner system would hold one. */
export function caller(gw: TestGateway, clientId: string) {
  let token: Promise<string> | undefined;
  const auth = async () => `Bearer ${await (token ??= gw.token(clientId))}`;
  return {
    post: async (path: string, body: unknown) =>
      gw.http
        .post(path)
        .set('authorization', await auth())
        .send(body as object),
    get: async (path: string) => gw.http.get(path).set('authorization', await auth()),
    /** POST /v1/decisions: a dry run, as of a day when given. */
    decide: async (exchange: string, request: unknown, asOf?: string) =>
      gw.http
        .post('/v1/decisions')
        .set('authorization', await auth())
        .send({ exchange, request, ...(asOf ? { asOf } : {}) }),
  };
}
export type Caller = ReturnType<typeof caller>;

/** The DPO's view of an audit entry and the outcomes linked to it. */
export async function auditEntry(gw: TestGateway, auditId: string) {
  const res = await gw.http.get(`/v1/audit/entries/${auditId}`).set('authorization', `Bearer ${await gw.token('dpo')}`);
  expect(res.status).toBe(200);
  return res.body as {
    entry: { kind: string; seq: number; body: Record<string, any> };
    outcomes: { seq: number; body: Record<string, any> }[];
  };
}

/** A permitted exchange: 200, the decision object, and the decision and its outcome in the audit log. */
export async function expectPermitted(gw: TestGateway, res: Response, agreement?: Decision['agreement']) {
  expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(200);
  expect(res.headers['content-type']).toContain('application/json');
  expectDecisionObject(res.body.decision, { decision: 'permit', ...(agreement !== undefined ? { agreement } : {}) });
  expect(res.body.auditId).toBe(res.body.decision.auditId);
  const audit = await auditEntry(gw, res.body.auditId);
  expect(audit.entry).toMatchObject({ kind: 'decision', body: { decision: 'permit' } });
  expect(audit.outcomes).toHaveLength(1);
  expect(audit.outcomes[0]!.body).toMatchObject({ decisionId: res.body.auditId, outcome: res.body.outcome });
  return res.body as {
    auditId: string;
    decision: Decision;
    outcome: string;
    result: Record<string, any>;
    notices?: string[];
  };
}

/** A refusal: 403 problem+json naming the rule, carrying the decision and its audit id; audited with no outcome. */
export async function expectRefused(gw: TestGateway, res: Response, ruleId: string) {
  expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(403);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status: 403, code: 'policy-denied', type: '/problems/policy-denied' });
  expect(res.body.detail).toContain(`${ruleId}:`);
  expectDecisionObject(res.body.decision, { decision: 'deny' });
  expect(deniedRules(res.body.decision)).toContain(ruleId);
  expect(res.body.auditId).toBe(res.body.decision.auditId);
  expect(res.body.result).toBeUndefined();
  const audit = await auditEntry(gw, res.body.auditId);
  expect(audit.entry).toMatchObject({ kind: 'decision', body: { decision: 'deny' } });
  expect(audit.outcomes).toEqual([]);
  return res.body as { detail: string; auditId: string; decision: Decision };
}

/** The reason the audit log keeps for a rule of a decision: what the DPO reads, which the caller may not. */
export async function dpoReason(gw: TestGateway, auditId: string, ruleId: string): Promise<string> {
  const { entry } = await auditEntry(gw, auditId);
  return (entry.body.rules as { id: string; reason: string }[]).find((r) => r.id === ruleId)!.reason;
}

/** A dry run's answer: the decision object itself, audited as a dry run. */
export async function expectDryRun(gw: TestGateway, res: Response, decision: 'permit' | 'deny') {
  expect(res.status, JSON.stringify(res.body).slice(0, 600)).toBe(200);
  expectDecisionObject(res.body, { decision });
  const audit = await auditEntry(gw, res.body.auditId);
  expect(audit.entry.kind).toBe('dry-run');
  return res.body as Decision;
}

export const nameAndBirth = (p: Pick<Person, 'forename' | 'surname' | 'dateOfBirth'>) => ({
  forename: p.forename,
  surname: p.surname,
  dateOfBirth: p.dateOfBirth,
});

/** Every personal particular the sandbox holds about someone that a reply could leak. */
export function particularsOf(p: Person): string[] {
  return [
    p.forename,
    p.surname,
    p.nino,
    p.immigration.homeOfficeReference,
    ...p.addresses.map((a) => a.postcode),
  ].filter((v): v is string => v !== null);
}
