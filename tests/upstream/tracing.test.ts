// OpenTelemetry spans of one exchange (issue 14): the pipeline's steps as spans continuing the caller's trace, the
// partner hearing the gateway's upstream span as its parent, and no personal data in any span: canary values
// (a NINo, a name, a date of birth, an X-Request-Id holding a name) are searched for in everything exported.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracing } from '../../platform/tracing.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { dwpProactiveNotification, dwpStatusCheck, paths } from '../support/requests.ts';

const { offenderUnder30: ruan, turns30On2018_05_01: priya } = fixtures;
const callerTrace = { traceId: '4bf92f3577b34da6a3ce929d0e0e4736', parentId: '00f067aa0ba902b7' };
const callerRequestId = 'Ruan-van-der-Merwe-case-17';
const needles = [
  ruan.nino!,
  ruan.forename,
  ruan.surname,
  ruan.dateOfBirth,
  ruan.immigration.homeOfficeReference!,
  'Ruan-van-der-Merwe',
  priya.nino!,
  priya.forename,
  priya.surname,
  priya.dateOfBirth,
  'Winifredcanary',
];

/** The Home Office records service behind a recorder: what the gateway sent it, then the sandbox's own answer. */
async function startRecorder() {
  const heard: http.IncomingHttpHeaders[] = [];
  let target = '';
  const server = http.createServer((req, res) => {
    heard.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      request(new URL(req.url!, target), { method: 'POST', headers: { 'content-type': 'application/json' }, body })
        .then(async (answer) => {
          res.statusCode = answer.statusCode;
          res.setHeader('content-type', 'application/json');
          res.end(await answer.body.text());
        })
        .catch(() => {
          res.statusCode = 502;
          res.end();
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    heard,
    forwardTo(url: string) {
      target = url;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const exporter = new InMemorySpanExporter();
let gw: TestGateway;
let homeOffice: Awaited<ReturnType<typeof startRecorder>>;
let dfe: Awaited<ReturnType<typeof startFakePartner>>;
let spans: ReadableSpan[];
let notified: { status: number; auditId: string; requestId: string };

beforeAll(async () => {
  homeOffice = await startRecorder();
  dfe = await startFakePartner('slow', 4_000);
  const tracing = createTracing({ otlpEndpoint: null, serviceName: 'gateway-under-test' }, { exporter });
  // DfE never answers in time (2 s, the test gateway's deadline); the Home Office records, behind the recorder, do.
  gw = await startTestGateway({ clock: fixedClock, homeOfficeUrl: homeOffice.url, dfeUrl: dfe.url, tracing });
  homeOffice.forwardTo(gw.sandboxUrls.homeOffice);
  const ho = `Bearer ${await gw.token('ho-status-sharing')}`;
  const res = await gw.http
    .post(paths['dwp.proactive-notification'])
    .set('authorization', ho)
    .set('traceparent', `00-${callerTrace.traceId}-${callerTrace.parentId}-01`)
    .set('x-request-id', callerRequestId)
    .send(dwpProactiveNotification(ruan, { nino: true, homeOfficeReference: true }));
  notified = { status: res.status, auditId: res.body.auditId, requestId: String(res.headers['x-gateway-request-id']) };
  // A refusal (Priya is 38: the Windrush pause), a purpose holding a name, a body the contract refuses, a token that
  // is not one, and a traceparent that is a name: none of them may put anything of the person in a span either.
  await gw.http
    .post(paths['dwp.proactive-notification'])
    .set('authorization', ho)
    .set('x-request-id', 'Priya-Sharma-0001')
    .send(dwpProactiveNotification(priya, { nino: true, homeOfficeReference: true }));
  await gw.http
    .post(paths['dwp.proactive-notification'])
    .set('authorization', ho)
    .send({ ...dwpProactiveNotification(ruan, { nino: true, homeOfficeReference: true }), purpose: 'Winifredcanary' });
  await gw.http
    .post(paths['dwp.proactive-notification'])
    .set('authorization', ho)
    .send({ ...dwpProactiveNotification(ruan), subject: { nino: ruan.nino, forename: 'Winifredcanary' } });
  await gw.http.post(paths['dwp.proactive-notification']).set('authorization', `Bearer ${ruan.nino}`).send({});
  await gw.http
    .post(paths['dwp.proactive-notification'])
    .set('authorization', ho)
    .set('traceparent', `00-${ruan.surname}-01`)
    .send(dwpProactiveNotification(ruan, { nino: true, homeOfficeReference: true }));
  spans = exporter.getFinishedSpans();
});
afterAll(async () => {
  await gw.close();
  await homeOffice.close();
  await dfe.close();
});

const traceOf = (traceId: string) => spans.filter((s) => s.spanContext().traceId === traceId);
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const named = (list: ReadableSpan[], name: string) => list.filter((s) => s.name === name);

describe('the spans of one exchange', () => {
  it("continue the caller's trace: the request's span is a child of the caller's, each step a child of the exchange", () => {
    expect(notified.status).toBe(200);
    const trace = traceOf(callerTrace.traceId);
    const served = trace.find((s) => parentOf(s) === callerTrace.parentId)!;
    expect(served.name).toBe('POST /v1/exchanges/dwp/proactive-notification');
    expect(served.attributes).toMatchObject({
      'http.response.status_code': 200,
      'gateway.request_id': notified.requestId,
    });
    const [auth] = named(trace, 'auth');
    const [exchange] = named(trace, 'exchange');
    expect(parentOf(auth!)).toBe(served.spanContext().spanId);
    expect(auth!.attributes['gateway.client_id']).toBe('ho-status-sharing');
    expect(parentOf(exchange!)).toBe(served.spanContext().spanId);
    expect(exchange!.attributes).toMatchObject({
      'gateway.exchange': 'dwp.proactive-notification',
      'gateway.partner': 'dwp',
      'gateway.client_id': 'ho-status-sharing',
      'gateway.decision': 'permit',
      'gateway.outcome': 'acknowledged',
      'gateway.audit_id': notified.auditId,
    });
    const children = trace.filter((s) => parentOf(s) === exchange!.spanContext().spanId).map((s) => s.name);
    expect(children.sort()).toEqual(['audit commit', 'decide', 'decide', 'lookup', 'minimise', 'upstream']);
  });

  it('shows each decision and the audit commit that holds it, the lookup with its call to the records, and the outcome committed', () => {
    const trace = traceOf(callerTrace.traceId);
    const decisions = named(trace, 'decide');
    expect(decisions.map((d) => d.attributes['gateway.stage']).sort()).toEqual(['request', 'subject']);
    for (const decide of decisions) {
      expect(decide.attributes['gateway.decision']).toBe('permit');
      expect(decide.attributes['gateway.rules.denied']).toEqual([]);
      const commits = named(trace, 'audit commit').filter((c) => parentOf(c) === decide.spanContext().spanId);
      expect(commits.map((c) => c.attributes['gateway.audit.entry'])).toEqual(['decision']);
    }
    const subject = decisions.find((d) => d.attributes['gateway.stage'] === 'subject')!;
    expect(subject.attributes['gateway.audit_id']).toBe(notified.auditId);
    const [lookup] = named(trace, 'lookup');
    const calls = named(trace, 'upstream');
    expect(calls.find((c) => parentOf(c) === lookup!.spanContext().spanId)!.attributes).toMatchObject({
      'gateway.upstream': 'Home Office records',
      'url.path': '/home-office/status-check',
      'http.response.status_code': 200,
    });
    expect(calls.map((c) => c.attributes['gateway.upstream']).sort()).toEqual(['DWP', 'Home Office records']);
    const outcome = named(trace, 'audit commit').find((c) => c.attributes['gateway.audit.entry'] === 'outcome')!;
    expect(outcome.attributes).toMatchObject({
      'gateway.audit_id': notified.auditId,
      'gateway.outcome': 'acknowledged',
    });
    expect(named(trace, 'minimise')[0]!.attributes['gateway.fields.disclosed']).toEqual(
      expect.arrayContaining(['reference']),
    );
  });

  it("give the partner a traceparent in the caller's trace whose parent is the gateway's span for that call", () => {
    const sent = String(homeOffice.heard[0]!.traceparent);
    const [, traceId, parentId, flags] = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(sent)!;
    expect(traceId).toBe(callerTrace.traceId);
    expect(flags).toBe('01');
    const call = named(traceOf(callerTrace.traceId), 'upstream').find(
      (c) => c.attributes['gateway.upstream'] === 'Home Office records',
    )!;
    expect(parentId).toBe(call.spanContext().spanId);
  });

  it('records a refusal as a decision with the rules that refused, and not as a failure of the gateway', () => {
    const refused = named(spans, 'decide').find((d) => d.attributes['gateway.decision'] === 'deny')!;
    expect(refused.attributes['gateway.rules.denied']).toEqual(['windrush-pause']);
    const exchange = spans.find((s) => s.spanContext().spanId === parentOf(refused))!;
    expect(exchange.attributes).toMatchObject({
      'error.type': 'policy-denied',
      'gateway.audit_id': refused.attributes['gateway.audit_id'],
    });
    expect(exchange.status.code).not.toBe(2);
  });

  it("never carry an identifier, a name, a date of birth or the caller's X-Request-Id, in any name, attribute, event or status", () => {
    expect(spans.length).toBeGreaterThan(20);
    const told = JSON.stringify(
      spans.map((s) => ({
        name: s.name,
        attributes: s.attributes,
        events: s.events,
        status: s.status,
        links: s.links,
        resource: s.resource.attributes,
      })),
    );
    for (const needle of [...needles, callerRequestId, 'Priya-Sharma-0001']) expect(told, needle).not.toContain(needle);
  });
});

describe('the spans of steps run together', () => {
  it('keep each status check answered from the records in its own trace, even when one group commit decides both', async () => {
    const dwp = `Bearer ${await gw.token('dwp-benefits')}`;
    const traces = ['1', '2', '3', '4'].map((n) => n.repeat(32));
    await Promise.all(
      traces.map((traceId) =>
        gw.http
          .post(paths['dwp.status-check'])
          .set('authorization', dwp)
          .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
          .send(dwpStatusCheck(ruan, { nino: true })),
      ),
    );
    const finished = exporter.getFinishedSpans();
    for (const traceId of traces) {
      const own = finished.filter((s) => s.spanContext().traceId === traceId);
      const [exchange] = named(own, 'exchange');
      expect(exchange!.attributes['gateway.outcome']).toBeDefined();
      expect(named(own, 'minimise').map(parentOf)).toEqual([exchange!.spanContext().spanId]);
    }
  });
});

describe('the spans of a partner that does not answer', () => {
  it('mark the call and the exchange as failed by their kind and code, with the outcome committed', async () => {
    const traceId = 'a'.repeat(32);
    const token = await gw.token('ie-removals-casework');
    const res = await gw.http
      .post(paths['dfe.child-trace'])
      .set('authorization', `Bearer ${token}`)
      .set('traceparent', `00-${traceId}-00f067aa0ba902b7-01`)
      .send(childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }));
    expect(res.status).toBe(504);
    const own = exporter.getFinishedSpans().filter((s) => s.spanContext().traceId === traceId);
    const [call] = named(own, 'upstream');
    expect(call!.attributes).toMatchObject({ 'gateway.upstream': 'DfE', 'error.type': 'timeout' });
    expect(call!.status.code).toBe(2);
    const [exchange] = named(own, 'exchange');
    expect(exchange!.attributes).toMatchObject({
      'error.type': 'upstream-timeout',
      'gateway.audit_id': res.body.auditId,
    });
    expect(exchange!.status.code).toBe(2);
    const committed = named(own, 'audit commit').find((c) => c.attributes['gateway.audit.entry'] === 'outcome');
    expect(committed!.attributes['gateway.outcome']).toBe('upstream-timeout');
    const [served] = own.filter((s) => s.name.startsWith('POST '));
    expect(served!.attributes['http.response.status_code']).toBe(504);
    expect(served!.status.code).toBe(2);
  });
});
