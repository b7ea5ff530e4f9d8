// /metrics for the Prometheus scraper: counts that match the audit log, labels that name no one, and a secret to read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetrics } from '../../gateway/measures/metrics.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';
import { send, type Sent } from './workload.ts';

let gw: TestGateway;
const sent: Sent[] = [];
const scrape = (token: string | null) => {
  const req = gw.http.get('/metrics');
  return token ? req.set('authorization', `Bearer ${token}`) : req;
};
const value = (text: string, line: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${line} `))
      ?.split(' ')[1] ?? NaN,
  );

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  for (const name of [
    'trace-matched',
    'trace-matched',
    'trace-no-match',
    'trace-nationality',
    'hmrc-notify-elder',
    'fsm-check',
  ])
    sent.push(await send(gw, name, '2026-11-23'));
});
afterAll(() => gw.close());

describe('who may read /metrics', () => {
  it('needs the metrics token: none or a wrong one is 401 problem+json', async () => {
    for (const token of [null, 'not-the-token', await gw.token('dpo')]) {
      const res = await scrape(token);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('is off when no token is configured', async () => {
    const route = createMetrics(gw.db).route(null);
    await expect(route.handler({ req: { get: () => undefined } } as never)).rejects.toMatchObject({
      code: 'not-found',
    });
  });
});

describe('what /metrics says', () => {
  it('counts decisions by exchange, denials by rule and partner outcomes as the log holds them', async () => {
    const res = await scrape(gw.config.metricsToken);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const traces = sent.filter((s) => s.exchange === 'dfe.child-trace');
    expect(value(res.text, 'gateway_decisions_total{exchange="dfe.child-trace",decision="permit"}')).toBe(
      traces.filter((s) => s.decision === 'permit').length,
    );
    expect(value(res.text, 'gateway_decisions_total{exchange="dfe.child-trace",decision="deny"}')).toBe(1);
    expect(value(res.text, 'gateway_rule_denials_total{exchange="dfe.child-trace",rule="field-scope"}')).toBe(1);
    expect(
      value(res.text, 'gateway_rule_denials_total{exchange="hmrc.proactive-notification",rule="windrush-pause"}'),
    ).toBe(1);
    expect(value(res.text, 'gateway_exchange_outcomes_total{exchange="dfe.child-trace",outcome="matched"}')).toBe(2);
    expect(value(res.text, 'gateway_upstream_latency_seconds_count{exchange="dfe.child-trace"}')).toBe(3);
    const entries = Number((await gw.db('audit_log').max({ m: 'seq' }).first())!.m);
    expect(value(res.text, 'gateway_audit_log_entries')).toBe(entries);
    expect(value(res.text, 'gateway_audit_log_bytes')).toBeGreaterThan(0);
    expect(value(res.text, 'gateway_audit_append_duration_seconds_count')).toBeGreaterThanOrEqual(sent.length + 3);
  });

  it('labels requests by route template, never by the path a caller typed', async () => {
    const dpo = await gw.token('dpo');
    await gw.http.get(`/v1/audit/entries/${sent[0]!.auditId}`).set('authorization', `Bearer ${dpo}`);
    await gw.http.get('/v1/no/such/Amara-Okonkwo');
    const text = (await scrape(gw.config.metricsToken)).text;
    expect(text).toContain('gateway_http_requests_total{method="GET",route="/v1/audit/entries/:auditId",status="200"}');
    expect(text).toContain('route="(unmatched)",status="404"');
    expect(text).not.toContain(sent[0]!.auditId);
    expect(text).not.toMatch(/Amara|Okonkwo/);
  });
});

describe('partner completions', () => {
  it('are counted apart from outcome feedback, so a completion is never read as what an exchange led to', async () => {
    const trace = sent.find((s) => s.template === 'trace-matched' && s.decision === 'permit')!;
    const done = await gw.http
      .post('/v1/completions')
      .set('authorization', `Bearer ${await gw.token('dfe-pupil-data')}`)
      .send({ auditId: trace.auditId, work: 'trace-answered', completedAt: '2026-11-23T12:00:00Z' });
    expect(done.status).toBe(201);
    const text = (await scrape(gw.config.metricsToken)).text;
    expect(value(text, 'gateway_partner_completions_total{exchange="dfe.child-trace",work="trace-answered"}')).toBe(1);
    expect(text).not.toMatch(/gateway_feedback_total\{[^}]*outcome="completed"/);
  });
});
