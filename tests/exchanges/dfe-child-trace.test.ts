// dfe.child-trace end to end: Immigration Enforcement asks DfE to trace a child (¶6.100–6.112).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../sandbox/population/types.ts';
import { securityCases } from '../support/exchange-security.ts';
import { expectDecisionObject } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { childTracePath, childTraceRequest, currentPostcode, fixedClock } from '../support/child-trace.ts';
import { checkMinimised } from '../support/minimisation.ts';

let gw: TestGateway;
let child: Person;
let ie: string;

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  child = gw.population.people.find((p) => p.forename === 'Amara' && p.surname === 'Okonkwo-Testcase')!;
  ie = await gw.token('ie-removals-casework');
});
afterAll(() => gw.close());

const trace = (body: unknown, token = ie) =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${token}`)
    .send(body as object);

describe('a permitted trace', () => {
  it('returns the home and school addresses of the last 5 years and nothing about the parents', async () => {
    const res = await trace(childTraceRequest({ ...child, postcode: currentPostcode(child) }));
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('matched');
    expect(res.body.decision.decision).toBe('permit');
    expect(res.body.decision.agreement).toEqual({ id: 'ie-dfe-child-tracing-mou', version: '2.0' });
    expect(Object.keys(res.body.result).sort()).toEqual(['addresses', 'match']);
    const addresses = res.body.result.addresses as { kind: string; to: string | null }[];
    expect(addresses.some((a) => a.kind === 'home')).toBe(true);
    expect(addresses.some((a) => a.kind === 'school')).toBe(true);
    // Records that ended more than 5 years before the decision are withheld.
    expect(addresses.every((a) => a.to === null || a.to >= '2021-11-23')).toBe(true);
    const olderHeld = [...child.addresses, ...child.schoolHistory].some((a) => a.to !== null && a.to < '2021-11-23');
    expect(olderHeld).toBe(true);
    const parents = gw.population.people.filter((p) => child.parentIds.includes(p.id));
    expect(parents.length).toBeGreaterThan(0);
    for (const parent of parents) expect(JSON.stringify(res.body)).not.toContain(parent.forename);
  });

  it('lists every rule it evaluated, each with a reason a person can read', async () => {
    const res = await trace(childTraceRequest({ ...child, postcode: currentPostcode(child) }));
    expectDecisionObject(res.body.decision, {
      decision: 'permit',
      agreement: { id: 'ie-dfe-child-tracing-mou', version: '2.0' },
    });
    expect(res.body.decision.obligations).toEqual([{ id: 'withhold-older-than', years: 5 }]);
    // No directive in force reaches child tracing, so the decision names none.
    expect(res.body.decision.directives).toEqual([]);
  });

  it('answers no-match when one of the three points differs (fn 65)', async () => {
    const res = await trace(childTraceRequest({ ...child, postcode: 'ZZ9 9ZZ' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ outcome: 'no-match', result: { match: false } });
  });

  it('writes the decision and the outcome, linked, to the audit log', async () => {
    const res = await trace(childTraceRequest({ ...child, postcode: currentPostcode(child) }));
    const dpo = await gw.token('dpo');
    const read = await gw.http.get(`/v1/audit/entries/${res.body.auditId}`).set('authorization', `Bearer ${dpo}`);
    expect(read.status).toBe(200);
    expect(read.body.entry).toMatchObject({
      kind: 'decision',
      body: { exchange: 'dfe.child-trace', decision: 'permit', party: 'home-office-ie' },
    });
    expect(read.body.outcomes).toHaveLength(1);
    expect(read.body.outcomes[0].body).toMatchObject({
      decisionId: res.body.auditId,
      outcome: 'matched',
      fieldsDisclosed: ['match', 'addresses'],
      fieldsWithheld: ['parents'],
    });
    expect(read.body.outcomes[0].seq).toBeGreaterThan(read.body.entry.seq);
    expect(typeof read.body.outcomes[0].body.latencyMs).toBe('number');
  });
});

describe('refusals, each explained and audited', () => {
  async function refusedBy(body: unknown, ruleId: string, token = ie) {
    const res = await trace(body, token);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.code).toBe('policy-denied');
    const denied = res.body.decision.rules
      .filter((r: { outcome: string }) => r.outcome === 'deny')
      .map((r: { id: string }) => r.id);
    expect(denied).toContain(ruleId);
    expect(res.body.detail).toContain(ruleId);
    const dpo = await gw.token('dpo');
    const read = await gw.http.get(`/v1/audit/entries/${res.body.auditId}`).set('authorization', `Bearer ${dpo}`);
    expect(read.body.entry.body.decision).toBe('deny');
    expect(read.body.outcomes).toEqual([]);
    return res;
  }
  const valid = () => childTraceRequest({ ...child, postcode: currentPostcode(child) });

  it('refuses a referral that carries nationality, removed in October 2016 (¶6.109)', async () => {
    const res = await refusedBy({ ...valid(), subject: { ...valid().subject, nationality: 'NGA' } }, 'field-scope');
    expect(res.body.detail).toContain('subject.nationality');
  });

  it('refuses without reason to believe a parent is an immigration offender (¶6.103)', async () => {
    await refusedBy({ ...valid(), grounds: { parentBelievedImmigrationOffender: false } }, 'dfe-offender-belief');
  });

  it('refuses a purpose the agreement does not name', async () => {
    await refusedBy({ ...valid(), purpose: 'general-enquiry' }, 'purpose');
  });

  it('refuses a legal basis the agreement does not name', async () => {
    await refusedBy({ ...valid(), legalBasis: 'immigration-act-2014-s40' }, 'legal-basis');
  });

  it('refuses under the unsigned v2.3 draft (¶6.113)', async () => {
    const res = await refusedBy({ ...valid(), agreementId: 'ie-dfe-ie-checks-mou' }, 'agreement-in-force');
    expect(res.body.decision.agreement).toEqual({ id: 'ie-dfe-ie-checks-mou', version: '2.3' });
    expect(res.body.detail).toMatch(/not signed/);
  });

  it('refuses a caller that is not a requesting party', async () => {
    await refusedBy(valid(), 'party', await gw.token('dfe-pupil-data'));
  });
});

describe('bad input gets a clear 400 naming the field', () => {
  const valid = () => childTraceRequest({ ...child, postcode: currentPostcode(child) });

  it('names a missing field', async () => {
    const { subject, ...rest } = valid();
    const res = await trace({ ...rest, subject: { ...subject, dateOfBirth: undefined } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid-request');
    expect(res.body.errors).toContainEqual({ field: 'subject.dateOfBirth', message: 'is required' });
  });

  it('refuses an unknown field rather than ignoring it', async () => {
    const res = await trace({ ...valid(), parents: [{ forename: 'Ngozi' }] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'parents', message: 'is not a recognised field' });
  });

  it('refuses a field the contract has never heard of without repeating its name', async () => {
    const res = await trace({ ...valid(), subject: { ...valid().subject, Olumide: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'subject', message: 'has a field that is not recognised' });
    expect(JSON.stringify(res.body)).not.toContain('Olumide');
  });

  it('names a field in the wrong format without repeating its value', async () => {
    const res = await trace({ ...valid(), subject: { ...valid().subject, postcode: 'NOT-A-POSTCODE-7731' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ field: 'subject.postcode', message: 'is not in the expected format' });
    expect(JSON.stringify(res.body)).not.toContain('7731');
  });

  it('says when the body is not JSON', async () => {
    const res = await gw.http
      .post(childTracePath)
      .set('authorization', `Bearer ${ie}`)
      .set('content-type', 'application/json')
      .send('{"purpose": ');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed-json');
  });

  it('refuses a body that is not application/json', async () => {
    const res = await gw.http
      .post(childTracePath)
      .set('authorization', `Bearer ${ie}`)
      .set('content-type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(415);
  });

  it('refuses an oversized body', async () => {
    const res = await trace({ ...valid(), padding: 'x'.repeat(200_000) });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload-too-large');
  });

  it('writes nothing to the audit log for a request that never reached a decision', async () => {
    const before = await gw.db('audit_log').count<{ count: string }[]>({ count: '*' }).first();
    await trace({ ...valid(), caseReference: 'lower-case-not-allowed' });
    const after = await gw.db('audit_log').count<{ count: string }[]>({ count: '*' }).first();
    expect(Number(after!.count)).toBe(Number(before!.count));
  });
});

describe('minimisation', () => {
  it('never lets out anything about the parents, or a record older than 5 years, whichever child is traced (property)', async () => {
    const children = gw.population.people
      .filter((p) => p.schoolHistory.length > 0 && p.parentIds.length > 0)
      .filter((_p, i) => i % 7 === 0);
    const byId = new Map(gw.population.people.map((p) => [p.id, p]));
    await checkMinimised(
      gw,
      'dfe.child-trace',
      childTracePath,
      'ie-removals-casework',
      fc.record({ child: fc.constantFrom(...children), urgent: fc.boolean() }).map(({ child: c, urgent }) => {
        const parents = c.parentIds.map((id) => byId.get(id)!);
        return {
          body: childTraceRequest({ ...c, postcode: currentPostcode(c) }, urgent ? { urgentSafeguarding: true } : {}),
          // Parents' identifiers, and the end dates of periods more than 5 years before the decision day.
          forbidden: [
            ...parents
              .flatMap((p) => [p.nino, p.immigration.homeOfficeReference])
              .filter((v): v is string => v !== null),
            ...[...c.addresses, ...c.schoolHistory].flatMap((a) =>
              a.to !== null && a.to < '2021-11-23' ? [`"to":"${a.to}"`] : [],
            ),
          ],
        };
      }),
      20,
    );
  });
});

securityCases(() => gw, {
  exchange: 'dfe.child-trace',
  path: childTracePath,
  body: () => childTraceRequest({ ...child, postcode: currentPostcode(child) }),
  client: 'ie-removals-casework',
  wrongParty: 'ukvi-casework',
});
