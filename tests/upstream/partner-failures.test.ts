// Step 6: when DfE is slow, down or talks nonsense, the caller gets a clear 5xx naming the partner, nothing
// is disclosed, and the outcome is written to the audit log against the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { startFakePartner, type Behaviour } from '../support/fake-partner.ts';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';

let gw: TestGateway;
let downGw: TestGateway;
let partner: Awaited<ReturnType<typeof startFakePartner>>;
beforeAll(async () => {
  partner = await startFakePartner('no-match');
  gw = await startTestGateway({ clock: fixedClock, dfeUrl: partner.url, upstreamTimeoutMs: 300 });
  // Port 9 (discard) has no listener here: a partner that is down.
  downGw = await startTestGateway({ clock: fixedClock, dfeUrl: 'http://127.0.0.1:9', upstreamTimeoutMs: 300 });
});
afterAll(async () => {
  await gw.close();
  await downGw.close();
  await partner.close();
});

const child = { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' };

async function traceWhen(behaviour: Behaviour | 'down') {
  const target = behaviour === 'down' ? downGw : gw;
  if (behaviour !== 'down') partner.behave(behaviour);
  const res = await target.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await target.token('ie-removals-casework')}`)
    .send(childTraceRequest(child));
  const outcomes = await target
    .db('audit_log')
    .where({ kind: 'outcome' })
    .whereRaw(`body->>'decisionId' = ?`, [res.body.auditId])
    .select('body');
  return { res, outcomes: outcomes.map((o) => (typeof o.body === 'string' ? JSON.parse(o.body) : o.body)) };
}

describe('a partner that fails', () => {
  it('times out: 504, with the decision and an upstream-timeout outcome', async () => {
    const { res, outcomes } = await traceWhen('slow');
    expect(res.status).toBe(504);
    expect(res.body).toMatchObject({ code: 'upstream-timeout', decision: { decision: 'permit' } });
    expect(res.body.detail).toMatch(/DfE did not answer within 300 ms/);
    expect(outcomes).toEqual([
      expect.objectContaining({ decisionId: res.body.auditId, outcome: 'upstream-timeout', fieldsDisclosed: [] }),
    ]);
    expect(res.body.result).toBeUndefined();
  });

  it('is down: 502, with an upstream-error outcome', async () => {
    const { res, outcomes } = await traceWhen('down');
    expect(res.status).toBe(502);
    expect(res.body.code).toBe('upstream-failed');
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'upstream-error' })]);
  });

  it('answers with something that is not JSON: 502', async () => {
    const { res, outcomes } = await traceWhen('garbage');
    expect(res.status).toBe(502);
    expect(res.body.detail).toMatch(/not JSON/);
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'upstream-error' })]);
  });

  it('answers outside its contract: 502', async () => {
    const { res } = await traceWhen('off-contract');
    expect(res.status).toBe(502);
    expect(res.body.detail).toMatch(/outside its contract/);
  });

  it('answers with a server error: 502 with the partner status recorded', async () => {
    const { res, outcomes } = await traceWhen('server-error');
    expect(res.status).toBe(502);
    expect(outcomes).toEqual([expect.objectContaining({ outcome: 'upstream-error', upstreamStatus: 500 })]);
  });

  it('recovers: the next good answer goes through', async () => {
    const { res } = await traceWhen('no-match');
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('no-match');
  });
});
