// A partner can see its limits (issue 14): every authenticated answer carries RateLimit and RateLimit-Policy
// (draft-ietf-httpapi-ratelimit-headers), and an exchange answer tells the parties to the agreement, and no one
// else, how much room is left under the agreement's monthly cap (DfE: 300 a month, ¶6.112).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person } from '../../sandbox/population/types.ts';
import { childTracePath, childTraceRequest, currentPostcode, fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
let child: Person;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock, rateLimitPerMinute: 40 });
  child = gw.population.people.find((p) => p.forename === 'Amara' && p.surname === 'Okonkwo-Testcase')!;
});
afterAll(() => gw.close());

/** A structured-field list of `"name";key=value;…` items, by name. */
function items(header: string | undefined): Record<string, Record<string, number>> {
  return Object.fromEntries(
    (header ?? '')
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map((item) => {
        const [name, ...params] = item.split(';');
        return [
          JSON.parse(name!),
          Object.fromEntries(
            params.map((p) => {
              const [k, v] = p.split('=');
              return [k!, Number(v)];
            }),
          ),
        ];
      }),
  );
}
const trace = async (clientId: string, body: object) =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await gw.token(clientId)}`)
    .send(body);
const request = (overrides: Record<string, unknown> = {}) =>
  childTraceRequest({ ...child, postcode: currentPostcode(child) }, overrides);

describe('the burst limit', () => {
  it('is on every authenticated answer, counting down', async () => {
    const token = await gw.token('sro');
    const first = await gw.http.get('/v1/register/parties').set('authorization', `Bearer ${token}`);
    const second = await gw.http.get('/v1/register/parties').set('authorization', `Bearer ${token}`);
    expect(items(first.headers['ratelimit-policy'])).toEqual({ burst: { q: 40, w: 60 } });
    const [a, b] = [items(first.headers.ratelimit).burst!, items(second.headers.ratelimit).burst!];
    expect(a.r).toBe(39);
    expect(b.r).toBe(38);
    expect(b.t).toBeGreaterThan(0);
  });

  it('is on a refusal too, and a 429 says nothing is left', async () => {
    const token = await gw.token('registry-admin');
    let res;
    do res = await gw.http.get('/v1/register/parties').set('authorization', `Bearer ${token}`);
    while (res.status === 200);
    expect(res.status).toBe(429);
    expect(items(res.headers.ratelimit).burst!.r).toBe(0);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  });

  it('is not on public answers, which no client is counted for', async () => {
    const res = await gw.http.get('/health');
    expect(res.headers.ratelimit).toBeUndefined();
  });
});

describe('the monthly cap, for the parties to the agreement', () => {
  it('is in the decision and in the headers of an exchange answer', async () => {
    const res = await trace('ie-removals-casework', request());
    expect(res.status).toBe(200);
    const cap = res.body.decision.monthlyCap;
    expect(cap).toMatchObject({ limit: 300, month: '2026-11' });
    expect(cap.used + cap.remaining).toBe(300);
    expect(res.body.decision.rules.find((r: { id: string }) => r.id === 'monthly-cap').reason).toBe(
      `${cap.used} of 300 requests this month`,
    );
    const policy = items(res.headers['ratelimit-policy']);
    expect(policy['monthly-cap']).toEqual({ q: 300, w: 30 * 24 * 3600 });
    const state = items(res.headers.ratelimit)['monthly-cap']!;
    expect(state.r).toBe(cap.remaining);
    // From the test's clock, 2026-11-23 12:00 UTC, to midnight on 1 December in London (GMT).
    expect(state.t).toBe(7 * 24 * 3600 + 12 * 3600);
    expect(items(res.headers.ratelimit).burst).toBeDefined();

    const next = await trace('ie-removals-casework', request());
    expect(next.body.decision.monthlyCap.remaining).toBe(cap.remaining - 1);
  });

  it('is given with a refusal, which takes no place under the cap', async () => {
    const before = (await trace('ie-removals-casework', request())).body.decision.monthlyCap;
    const refused = await trace(
      'ie-removals-casework',
      request({ grounds: { parentBelievedImmigrationOffender: false } }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.decision.monthlyCap).toEqual(before);
    expect(items(refused.headers.ratelimit)['monthly-cap']!.r).toBe(before.remaining);
  });

  it('is in a dry run, which takes no place either', async () => {
    const dryRun = async () =>
      gw.http
        .post('/v1/decisions')
        .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
        .send({ exchange: 'dfe.child-trace', request: request() });
    const first = await dryRun();
    const second = await dryRun();
    expect(first.body.monthlyCap.limit).toBe(300);
    expect(second.body.monthlyCap).toEqual(first.body.monthlyCap);
  });

  it('is never shown to a caller that is not a party', async () => {
    const res = await trace('dwp-benefits', request());
    expect(res.status).toBe(403);
    expect(res.body.decision.monthlyCap).toBeUndefined();
    expect(Object.keys(items(res.headers.ratelimit))).toEqual(['burst']);
    expect(Object.keys(items(res.headers['ratelimit-policy']))).toEqual(['burst']);
    const dryRun = await gw.http
      .post('/v1/decisions')
      .set('authorization', `Bearer ${await gw.token('hmrc-benefits')}`)
      .send({ exchange: 'dfe.child-trace', request: request() });
    expect(dryRun.status).toBe(200);
    expect(dryRun.body.monthlyCap).toBeUndefined();
    expect(JSON.stringify(dryRun.body)).not.toMatch(/of 300/);
  });
});
