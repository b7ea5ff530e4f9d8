// The measures equal figures worked out by hand from a generated workload of real exchanges (¶4.2e, ¶6.106): every
// expected number below is computed from the gateway's answers and the outcome entries, not by the measures code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { seeded, send, templates, type Sent } from './workload.ts';

// The collaboration each agreement belongs to, as the default register has it.
const collaborationOf: Record<string, string> = {
  'ie-dfe-child-tracing-mou': 'ie-dfe-child-tracing',
  'home-office-dwp-umbrella-mou': 'dwp-status-checks',
  'home-office-hmrc-status-gateway': 'hmrc-status-checks',
  'ho-dfe-fsm-process-mou': 'ho-dfe-free-school-meals',
};
// Agreements that set an SLA: child tracing 10 working days (¶6.110), DWP 5 days (¶6.34).
const slaMs: Record<string, number> = {
  'ie-dfe-child-tracing-mou': 10 * 86_400_000,
  'home-office-dwp-umbrella-mou': 120 * 3_600_000,
};
// What DfE reported of its back office: traces completed the next day (within 10 working days) or 20 days later
// (at least 14 working days: breached), no later than the last day of the workload. An exchange nobody reported stays unknown.
const completion = new Map<string, 'within' | 'breached'>();

let now = new Date('2026-11-02T09:00:00Z');
let gw: TestGateway;
const sent: Sent[] = [];
const latency = new Map<string, number>();
const feedback = new Map<string, string[]>();

const nearestRank = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.ceil((p / 100) * sorted.length) - 1]! : null;
};
const count = <T>(items: T[], key: (t: T) => string | string[] | null) => {
  const out: Record<string, number> = {};
  for (const item of items) for (const k of [key(item)].flat()) if (k !== null) out[k] = (out[k] ?? 0) + 1;
  return out;
};
const mondayOf = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

async function report(party: string, auditId: string, outcome: string) {
  const res = await gw.http
    .post('/v1/feedback')
    .set('authorization', `Bearer ${await gw.token(party)}`)
    .send({ auditId, outcome });
  expect(res.status).toBe(201);
  feedback.set(auditId, [...(feedback.get(auditId) ?? []), outcome]);
}

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  const random = seeded(20181023);
  const names = Object.keys(templates);
  // Four weeks of working days in November 2026, two to four exchanges a day.
  for (let day = 2; day <= 27; day += 1) {
    now = new Date(Date.UTC(2026, 10, day, 10, 0, 0));
    if ([0, 6].includes(now.getUTCDay())) continue;
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i += 1)
      sent.push(await send(gw, names[Math.floor(random() * names.length)]!, now.toISOString().slice(0, 10)));
  }
  // Make sure each kind of answer is in the workload at least once, whatever the generator chose.
  for (const name of names)
    if (!sent.some((s) => s.template === name)) sent.push(await send(gw, name, now.toISOString().slice(0, 10)));

  const dpo = await gw.token('dpo');
  for (const s of sent.filter((x) => x.decision === 'permit')) {
    const entry = await gw.http.get(`/v1/audit/entries/${s.auditId}`).set('authorization', `Bearer ${dpo}`);
    latency.set(s.auditId, entry.body.outcomes[0].body.latencyMs);
  }
  // What came of them (¶6.62), reported by the party that received the data.
  const permitted = (template: string) => sent.filter((s) => s.template === template && s.decision === 'permit');
  for (const [i, s] of permitted('trace-matched').entries())
    if (i % 2 === 0) await report('ie-removals-casework', s.auditId, 'address-updated');
  const firstTrace = permitted('trace-matched')[0];
  if (firstTrace) await report('ie-removals-casework', firstTrace.auditId, 'safeguarding-referral');
  for (const s of permitted('hmrc-notify-young')) await report('hmrc-benefits', s.auditId, 'benefit-stopped');
  for (const s of permitted('dwp-check-priya').slice(0, 1)) await report('dwp-benefits', s.auditId, 'no-action');
  // DfE, which answered the traces, reports when its back office completed them.
  const dfe = await gw.token('dfe-pupil-data');
  const traces = sent.filter(
    (s) => s.exchange === 'dfe.child-trace' && s.decision === 'permit' && s.outcome !== null && s.day <= '2026-11-07',
  );
  for (const [i, s] of traces.entries()) {
    const late = i % 2 === 1;
    const completedAt = new Date(Date.parse(`${s.day}T10:00:00Z`) + (late ? 20 : 1) * 86_400_000).toISOString();
    const res = await gw.http
      .post('/v1/completions')
      .set('authorization', `Bearer ${dfe}`)
      .send({ auditId: s.auditId, work: 'trace-answered', completedAt });
    expect(res.status).toBe(201);
    completion.set(s.auditId, late ? 'breached' : 'within');
  }
  expect([...completion.values()]).toEqual(expect.arrayContaining(['within', 'breached']));
  // The accuracy loop: one trace was about the wrong person, and one had inaccurate data that DfE then corrected.
  const unreported = permitted('trace-matched').filter((_, i) => i % 2 === 1);
  if (unreported[0]) await report('ie-removals-casework', unreported[0].auditId, 'wrong-person');
  if (unreported[1]) {
    await report('ie-removals-casework', unreported[1].auditId, 'data-inaccurate');
    await report('dfe-pupil-data', unreported[1].auditId, 'corrected');
  }
}, 240_000);
afterAll(() => gw.close());

const measures = async (query = '') => {
  const res = await gw.http.get(`/v1/measures${query}`).set('authorization', `Bearer ${await gw.token('sro')}`);
  expect(res.status).toBe(200);
  return res.body;
};

function expectedFigures(list: Sent[]) {
  const permitted = list.filter((s) => s.decision === 'permit');
  const latencies = permitted.map((s) => latency.get(s.auditId)!);
  const withSla = permitted.filter((s) => slaMs[s.agreement!] !== undefined && s.outcome !== null);
  const judged = withSla.filter((s) => completion.has(s.auditId));
  const delivered = permitted.filter((s) => s.outcome !== null);
  const reported = delivered.filter((s) => feedback.has(s.auditId));
  const matched = permitted.filter((s) => s.outcome === 'matched').length;
  const unmatched = permitted.filter((s) => s.outcome === 'no-match').length;
  return {
    requests: list.length,
    outbound: list.filter((s) => s.direction === 'outbound').length,
    inbound: list.filter((s) => s.direction === 'inbound').length,
    permitted: permitted.length,
    refused: list.length - permitted.length,
    refusalsByRule: count(list, (s) => s.deniedBy),
    outcomes: count(permitted, (s) => s.outcome),
    matched,
    unmatched,
    matchRate: matched + unmatched === 0 ? null : matched / (matched + unmatched),
    responseTimes: { measured: latencies.length, p50Ms: nearestRank(latencies, 50), p95Ms: nearestRank(latencies, 95) },
    sla: {
      measured: judged.length,
      within: judged.filter((s) => completion.get(s.auditId) === 'within').length,
      breached: judged.filter((s) => completion.get(s.auditId) === 'breached').length,
      shareWithin:
        judged.length === 0
          ? null
          : judged.filter((s) => completion.get(s.auditId) === 'within').length / judged.length,
      // The HTTP answer says nothing of the partner's back office: unreported completions are unknown, not met.
      completionUnknown: withSla.length - judged.length,
    },
    feedback: {
      exchanges: reported.length,
      rate: delivered.length === 0 ? null : reported.length / delivered.length,
      byOutcome: count(reported, (s) => [...new Set(feedback.get(s.auditId))]),
    },
    accuracy: (() => {
      const wrong = reported.filter((s) =>
        feedback.get(s.auditId)!.some((o) => ['wrong-person', 'data-inaccurate', 'corrected'].includes(o)),
      ).length;
      const corrected = reported.filter((s) => feedback.get(s.auditId)!.includes('corrected')).length;
      return {
        withFeedback: reported.length,
        inaccurate: wrong,
        corrected,
        rate: reported.length === 0 ? null : (reported.length - wrong) / reported.length,
      };
    })(),
    windrushReferrals: permitted.filter((s) => s.notices.some((n) => n.includes('Windrush Taskforce'))).length,
  };
}

describe('measures from the audit log equal the figures worked out by hand', () => {
  it('generated a workload with permits, refusals by several rules, matches, misses and referrals', () => {
    expect(sent.length).toBeGreaterThan(40);
    const denied = new Set(sent.flatMap((s) => s.deniedBy));
    expect([...denied]).toEqual(expect.arrayContaining(['field-scope', 'dfe-offender-belief', 'windrush-pause']));
    expect(sent.some((s) => s.outcome === 'matched') && sent.some((s) => s.outcome === 'no-match')).toBe(true);
    expect(sent.some((s) => s.notices.length > 0)).toBe(true);
    expect(feedback.size).toBeGreaterThan(2);
    expect([...feedback.values()].flat()).toEqual(
      expect.arrayContaining(['wrong-person', 'data-inaccurate', 'corrected']),
    );
  });

  it('per collaboration: volumes both ways, permits, refusals by rule, match rate, p50/p95, SLA, outcomes fed back', async () => {
    const body = await measures();
    expect(body.window).toEqual({ from: '2026-11-01', to: '2026-11-27' });
    for (const [agreement, collaborationId] of Object.entries(collaborationOf)) {
      const c = body.collaborations.find((x: { collaborationId: string }) => x.collaborationId === collaborationId);
      expect(c.figures, collaborationId).toEqual(expectedFigures(sent.filter((s) => s.agreement === agreement)));
    }
  });

  it('per agreement and per exchange, adding up to the collaboration', async () => {
    const body = await measures();
    const tracing = body.collaborations.find(
      (x: { collaborationId: string }) => x.collaborationId === 'ie-dfe-child-tracing',
    );
    const mou = tracing.agreements.find((a: { agreementId: string }) => a.agreementId === 'ie-dfe-child-tracing-mou');
    const traces = sent.filter((s) => s.exchange === 'dfe.child-trace');
    expect(mou.figures).toEqual(expectedFigures(traces));
    const exchange = mou.exchanges.find((e: { exchange: string }) => e.exchange === 'dfe.child-trace');
    expect(exchange).toMatchObject({ direction: 'outbound', sla: { measure: 'turnaround', workingDays: 10 } });
    expect(exchange.figures).toEqual(expectedFigures(traces));
    // The never-signed v2.3 IE checks MoU (¶6.113) carried nothing.
    expect(
      tracing.agreements.find((a: { agreementId: string }) => a.agreementId === 'ie-dfe-ie-checks-mou').figures
        .requests,
    ).toBe(0);
  });

  it('counts the cap used this month exactly as the cap rule does: permitted traces (¶6.112)', async () => {
    const body = await measures();
    const mou = body.collaborations
      .flatMap((c: { agreements: unknown[] }) => c.agreements)
      .find((a: { agreementId: string }) => a.agreementId === 'ie-dfe-child-tracing-mou');
    const permittedTraces = sent.filter((s) => s.exchange === 'dfe.child-trace' && s.decision === 'permit').length;
    expect(mou.cap).toEqual({
      agreementId: 'ie-dfe-child-tracing-mou',
      version: '2.0',
      measure: 'monthly-cap',
      monthlyCap: 300,
      used: permittedTraces,
      month: '2026-11',
    });
  });

  it('shows sharing under each directive: the Windrush pause refusals and the Taskforce referrals (¶5.43, ¶3.24)', async () => {
    const body = await measures();
    const pause = body.directives.find((d: { directiveId: string }) => d.directiveId === 'windrush-pause-2018');
    const notifications = sent.filter((s) => s.exchange === 'hmrc.proactive-notification');
    expect(pause).toMatchObject({
      rule: 'windrush-pause',
      inScope: notifications.length,
      permitted: notifications.filter((s) => s.decision === 'permit').length,
      refusedByDirective: notifications.filter((s) => s.deniedBy.includes('windrush-pause')).length,
    });
    const referral = body.directives.find(
      (d: { directiveId: string }) => d.directiveId === 'windrush-status-check-referral-2018',
    );
    const checks = sent.filter((s) => s.exchange === 'dwp.status-check');
    expect(referral).toMatchObject({
      inScope: checks.length,
      windrushReferrals: checks.filter((s) => s.notices.length > 0).length,
    });
  });

  it('gives the same figures week by week, and the weeks add up to the window', async () => {
    const res = await gw.http
      .get('/v1/measures/collaborations/ie-dfe-child-tracing?from=2026-11-02&to=2026-11-29')
      .set('authorization', `Bearer ${await gw.token('sro')}`);
    expect(res.status).toBe(200);
    const traces = sent.filter((s) => s.exchange === 'dfe.child-trace');
    expect(res.body.series.map((p: { start: string }) => p.start)).toEqual([
      '2026-11-02',
      '2026-11-09',
      '2026-11-16',
      '2026-11-23',
    ]);
    for (const point of res.body.series) {
      expect(point.figures, point.start).toEqual(
        expectedFigures(traces.filter((s) => mondayOf(s.day) === point.start)),
      );
    }
    expect(res.body.measures.figures).toEqual(expectedFigures(traces));
  });

  it('never disagrees with itself: the same window and log head give the same report (¶6.106)', async () => {
    const [a, b] = [await measures('?from=2026-11-01&to=2026-11-27'), await measures('?from=2026-11-01&to=2026-11-27')];
    expect(a.logHead).toBe(b.logHead);
    expect(a).toEqual(b);
    // A narrower window holds only its own days.
    const firstWeek = await measures('?from=2026-11-02&to=2026-11-08');
    const tracing = firstWeek.collaborations.find(
      (x: { collaborationId: string }) => x.collaborationId === 'ie-dfe-child-tracing',
    );
    expect(tracing.figures).toEqual(
      expectedFigures(sent.filter((s) => s.exchange === 'dfe.child-trace' && s.day <= '2026-11-08')),
    );
  });
});

describe('the measures API refuses what it should', () => {
  it('is for SROs and DPOs only; a partner and a registry administrator are refused', async () => {
    for (const client of ['ie-removals-casework', 'registry-admin']) {
      const res = await gw.http.get('/v1/measures').set('authorization', `Bearer ${await gw.token(client)}`);
      expect(res.status).toBe(403);
    }
    expect((await gw.http.get('/v1/measures')).status).toBe(401);
    expect((await gw.http.get('/v1/measures').set('authorization', `Bearer ${await gw.token('dpo')}`)).status).toBe(
      200,
    );
  });

  it('explains a bad window, an unknown collaboration and an unknown interval with problem+json', async () => {
    const sro = `Bearer ${await gw.token('sro')}`;
    const backwards = await gw.http.get('/v1/measures?from=2026-11-20&to=2026-11-01').set('authorization', sro);
    expect(backwards.status).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect((await gw.http.get('/v1/measures?from=2024-01-01&to=2026-11-01').set('authorization', sro)).status).toBe(
      400,
    );
    expect((await gw.http.get('/v1/measures?from=yesterday').set('authorization', sro)).status).toBe(400);
    expect((await gw.http.get('/v1/measures/collaborations/no-such-thing').set('authorization', sro)).status).toBe(404);
    expect(
      (
        await gw.http
          .get('/v1/measures/collaborations/ie-dfe-child-tracing?interval=fortnight')
          .set('authorization', sro)
      ).status,
    ).toBe(400);
  });
});
