// The partner's completion of an exchange's work, on which back-office SLAs are judged (¶6.34: DWP 5 days;
// ¶6.110: DfE 10 working days), rather than the HTTP answer. Only the answering party reports it, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { batchClient, linesOf } from '../support/batches.ts';

let gw: TestGateway;
let now = fixedClock();
let permitted: string;
let refused: string;
const amara = { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' };
const complete = async (client: string | null, body: object) => {
  const req = gw.http.post('/v1/completions');
  if (client) req.set('authorization', `Bearer ${await gw.token(client)}`);
  return req.send(body);
};
const trace = async (body: object) =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
    .send(body);

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  const ok = await trace(childTraceRequest(amara));
  expect(ok.status).toBe(200);
  permitted = ok.body.auditId;
  const no = await trace({ ...childTraceRequest(amara), subject: { ...amara, nationality: 'NGA' } });
  expect(no.status).toBe(403);
  refused = no.body.auditId;
});
afterAll(() => gw.close());

describe('POST /v1/completions', () => {
  it('records when DfE, which answered, completed the trace, as an audit entry linked to the decision', async () => {
    // The test clock stands still at 12:00 on 23 November 2026, when the trace was asked: completed at once.
    const res = await complete('dfe-pupil-data', {
      auditId: permitted,
      work: 'trace-answered',
      completedAt: '2026-11-23T12:00:00Z',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      decisionId: permitted,
      exchange: 'dfe.child-trace',
      work: 'trace-answered',
      completedAt: '2026-11-23T12:00:00.000Z',
    });
    const entry = await gw.http
      .get(`/v1/audit/entries/${res.body.auditId}`)
      .set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(entry.status).toBe(200);
  });

  it('is reported once', async () => {
    const again = await complete('dfe-pupil-data', {
      auditId: permitted,
      work: 'trace-answered',
      completedAt: '2026-11-23T12:00:00Z',
    });
    expect(again.status).toBe(409);
  });

  it("is not the asking party's to report, nor anyone else's: 404 that gives nothing away", async () => {
    for (const client of ['ie-removals-casework', 'dwp-benefits']) {
      expect(
        (await complete(client, { auditId: permitted, work: 'trace-answered', completedAt: '2026-11-23T11:00:00Z' }))
          .status,
      ).toBe(404);
    }
  });

  it('refuses a refused exchange (409), and a completion in the future or before the request (422)', async () => {
    expect(
      (
        await complete('dfe-pupil-data', {
          auditId: refused,
          work: 'trace-answered',
          completedAt: '2026-11-23T12:00:00Z',
        })
      ).status,
    ).toBe(409);
    const before = await complete('dfe-pupil-data', {
      auditId: permitted,
      work: 'trace-answered',
      completedAt: '2026-11-23T11:00:00Z',
    });
    expect(before.status).toBe(422);
    expect(before.body.detail).toMatch(/before the request/);
    const future = await complete('dfe-pupil-data', {
      auditId: permitted,
      work: 'trace-answered',
      completedAt: '2026-11-24T11:00:00Z',
    });
    expect(future.status).toBe(422);
    expect(future.body.detail).toMatch(/in the future/);
  });

  it('refuses bad input with 400, no token with 401, and an overseer with 403', async () => {
    expect(
      (await complete('dfe-pupil-data', { auditId: permitted, work: 'done', completedAt: 'yesterday' })).status,
    ).toBe(400);
    expect(
      (await complete(null, { auditId: permitted, work: 'trace-answered', completedAt: '2026-11-23T11:00:00Z' }))
        .status,
    ).toBe(401);
    expect(
      (await complete('sro', { auditId: permitted, work: 'trace-answered', completedAt: '2026-11-23T11:00:00Z' }))
        .status,
    ).toBe(403);
  });

  it('makes the trace measured against its 10 working days: within (¶6.110)', async () => {
    const res = await gw.http
      .get('/v1/measures?from=2026-11-01&to=2026-12-31')
      .set('authorization', `Bearer ${await gw.token('sro')}`);
    const tracing = res.body.collaborations.find(
      (c: { collaborationId: string }) => c.collaborationId === 'ie-dfe-child-tracing',
    );
    expect(tracing.figures.sla).toMatchObject({ measured: 1, within: 1, breached: 0, completionUnknown: 0 });
  });
});

describe('a batch, measured per record', () => {
  const tracingSla = async () => {
    const res = await gw.http
      .get('/v1/measures?from=2026-11-01&to=2026-12-31')
      .set('authorization', `Bearer ${await gw.token('sro')}`);
    return res.body.collaborations.find(
      (c: { collaborationId: string }) => c.collaborationId === 'ie-dfe-child-tracing',
    ).figures.sla;
  };

  it("counts each record's completion against the 10 working days as a single call's is counted (¶6.110)", async () => {
    const before = await tracingSla();
    expect(before).toMatchObject({ measured: 1, within: 1, breached: 0, completionUnknown: 0 });
    const ie = batchClient(gw, 'ie-removals-casework');
    const submitted = await ie.submit(childTracePath, [childTraceRequest(amara), childTraceRequest(amara)]);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    expect((await ie.untilDone(submitted.headers.location!)).at(-1)).toMatchObject({ total: 2, permitted: 2 });
    const [first, second] = linesOf(await ie.results(submitted.headers.location!));
    // Answered over HTTP at once, but nobody has said the work was done: unknown, never met.
    expect(await tracingSla()).toMatchObject({ measured: 1, within: 1, breached: 0, completionUnknown: 2 });

    // Monday 23 November 2026: ten working days run to Monday 7 December. DfE completes one the next day and the
    // other a fortnight late, each reported by the record's own auditId.
    now = new Date('2026-12-22T12:00:00Z');
    try {
      for (const [line, completedAt] of [
        [first!, '2026-11-24T10:00:00Z'],
        [second!, '2026-12-21T10:00:00Z'],
      ] as const) {
        const res = await complete('dfe-pupil-data', { auditId: line.auditId, work: 'trace-answered', completedAt });
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        expect(res.body).toMatchObject({ decisionId: line.auditId, exchange: 'dfe.child-trace' });
      }
      expect(await tracingSla()).toMatchObject({
        measured: 3,
        within: 2,
        breached: 1,
        shareWithin: 2 / 3,
        completionUnknown: 0,
      });
    } finally {
      now = fixedClock();
    }
  }, 120_000);
});
