// Correlation across departments (issue 14): every call to a partner carries the gateway's request id and a W3C
// traceparent, continuing the caller's trace when it sent a valid one, so DfE can find the exchange in its own logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTraceparent } from '../../platform/http/trace-context.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { paths } from '../support/requests.ts';

let gw: TestGateway;
let dfe: Awaited<ReturnType<typeof startFakePartner>>;
beforeAll(async () => {
  dfe = await startFakePartner('no-match');
  gw = await startTestGateway({ clock: fixedClock, dfeUrl: dfe.url });
});
afterAll(async () => {
  await gw.close();
  await dfe.close();
});

const traceparent = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
async function trace(headers: Record<string, string> = {}) {
  const req = gw.http
    .post(paths['dfe.child-trace'])
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  const res = await req.send(childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { res, sent: dfe.lastHeaders() };
}

describe('the trace a partner hears', () => {
  it("continues the caller's trace: the same trace id and flags, and a parent id of the gateway's own", async () => {
    const given = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const { res, sent } = await trace({ traceparent: given, tracestate: 'dwp=t61rcWkgMzE' });
    const [, traceId, parentId, flags] = traceparent.exec(String(sent.traceparent))!;
    expect(traceId).toBe('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(flags).toBe('01');
    expect(parentId).not.toBe('00f067aa0ba902b7');
    expect(sent.tracestate).toBe('dwp=t61rcWkgMzE');
    expect(sent['x-request-id']).toBe(res.headers['x-gateway-request-id']);
  });

  it('starts a trace when the caller sent none, a new one for each request', async () => {
    const first = (await trace()).sent;
    const second = (await trace()).sent;
    expect(String(first.traceparent)).toMatch(traceparent);
    expect(traceparent.exec(String(first.traceparent))![1]).not.toBe(traceparent.exec(String(second.traceparent))![1]);
    expect(first.tracestate).toBeUndefined();
  });

  it.each([
    ['all-zero trace id', '00-00000000000000000000000000000000-00f067aa0ba902b7-01'],
    ['version ff', 'ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01'],
    ['upper-case hex', '00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01'],
    ['a name where the trace id goes', '00-Amara-Okonkwo-01'],
  ])('starts a trace of its own in place of a traceparent that is not valid (%s)', async (_name, given) => {
    const { sent } = await trace({ traceparent: given, tracestate: 'dwp=x' });
    const [, traceId] = traceparent.exec(String(sent.traceparent))!;
    expect(given).not.toContain(traceId);
    expect(sent.tracestate).toBeUndefined();
  });

  it('keeps the trace id in the access log beside the request id, for finding one exchange across departments', async () => {
    const { res, sent } = await trace();
    const line = gw
      .logs()
      .split('\n')
      .find((l) => l.includes(String(res.headers['x-gateway-request-id'])) && l.includes('"traceId"'))!;
    expect(JSON.parse(line).traceId).toBe(traceparent.exec(String(sent.traceparent))![1]);
  });
});

describe('parseTraceparent', () => {
  it('accepts a later version with more fields, reading the fields it knows', () => {
    expect(parseTraceparent('01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra')).toEqual({
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      parentId: '00f067aa0ba902b7',
      flags: '00',
    });
  });
  it('refuses version 00 with more fields, and an all-zero parent id', () => {
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00-extra')).toBeNull();
    expect(parseTraceparent('00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01')).toBeNull();
  });
});
