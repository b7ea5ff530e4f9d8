// Outcome feedback (¶6.62): "feedback would be a great enabler", the NDU manager said, and partners rarely got any.
// The receiving party reports what an exchange led to, by its auditId, from a fixed list; the log keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';
import { send, type Sent } from './workload.ts';

let gw: TestGateway;
let trace: Sent;
let refused: Sent;
let notice: Sent;

const feedback = async (client: string | null, body: unknown) => {
  const req = gw.http.post('/v1/feedback');
  if (client) req.set('authorization', `Bearer ${await gw.token(client)}`);
  return req.send(body as object);
};
const feedbackEntries = async () =>
  (await gw.db('audit_log').where({ kind: 'feedback' }).orderBy('seq').select('body')).map((r) =>
    typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
  );

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  trace = await send(gw, 'trace-matched', '2026-11-23');
  refused = await send(gw, 'trace-nationality', '2026-11-23');
  notice = await send(gw, 'hmrc-notify-young', '2026-11-23');
});
afterAll(() => gw.close());

describe('reporting what an exchange led to', () => {
  it('records the outcome as an audit entry linked to the decision, naming no one', async () => {
    const res = await feedback('ie-removals-casework', { auditId: trace.auditId, outcome: 'address-updated' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      decisionId: trace.auditId,
      exchange: 'dfe.child-trace',
      outcome: 'address-updated',
    });
    const dpo = await gw.token('dpo');
    const read = await gw.http.get(`/v1/audit/entries/${trace.auditId}`).set('authorization', `Bearer ${dpo}`);
    const linked = read.body.outcomes.find((e: { kind: string }) => e.kind === 'feedback');
    expect(linked).toMatchObject({
      id: res.body.auditId,
      body: {
        decisionId: trace.auditId,
        party: 'home-office-ie',
        partner: 'dfe',
        feedback: 'address-updated',
        agreement: { id: 'ie-dfe-child-tracing-mou', version: '2.0' },
      },
    });
    expect(JSON.stringify(linked)).not.toMatch(/Amara|Okonkwo/);
  });

  it('lets the other party report too: HMRC says a proactive notification stopped a benefit', async () => {
    expect(notice.decision).toBe('permit');
    const res = await feedback('hmrc-benefits', { auditId: notice.auditId, outcome: 'benefit-stopped' });
    expect(res.status).toBe(201);
    expect((await feedbackEntries()).at(-1)).toMatchObject({
      party: 'hmrc',
      partner: 'home-office',
      feedback: 'benefit-stopped',
    });
  });

  it('takes the auditId in its URN form too (urn:uuid:…), linked to the same decision', async () => {
    const res = await feedback('hmrc-benefits', { auditId: `urn:uuid:${notice.auditId}`, outcome: 'no-action' });
    expect(res.status).toBe(409); // benefit-stopped was reported above: no-action beside it cannot stand, so the id was found
    const unknown = await feedback('hmrc-benefits', {
      auditId: 'urn:uuid:00000000-0000-4000-8000-000000000000',
      outcome: 'no-action',
    });
    expect(unknown.status).toBe(404);
  });

  it('accepts several different outcomes of one exchange from one party', async () => {
    expect(
      (await feedback('ie-removals-casework', { auditId: trace.auditId, outcome: 'safeguarding-referral' })).status,
    ).toBe(201);
  });

  it("shows up in the collaboration's outcome rates", async () => {
    const res = await gw.http.get('/v1/measures').set('authorization', `Bearer ${await gw.token('sro')}`);
    const tracing = res.body.collaborations.find(
      (c: { collaborationId: string }) => c.collaborationId === 'ie-dfe-child-tracing',
    );
    expect(tracing.figures.feedback).toEqual({
      exchanges: 1,
      rate: 1,
      byOutcome: { 'address-updated': 1, 'safeguarding-referral': 1 },
    });
  });
});

describe('feedback that cannot stand', () => {
  it('refuses a repeat, and no-action beside another outcome, with 409 and no entry', async () => {
    const before = (await feedbackEntries()).length;
    const again = await feedback('ie-removals-casework', { auditId: trace.auditId, outcome: 'address-updated' });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect((await feedback('ie-removals-casework', { auditId: trace.auditId, outcome: 'no-action' })).status).toBe(409);
    expect((await feedbackEntries()).length).toBe(before);
  });

  it('refuses feedback on a refused exchange: nothing was shared (409)', async () => {
    expect(refused.decision).toBe('deny');
    const res = await feedback('ie-removals-casework', { auditId: refused.auditId, outcome: 'address-updated' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('refused');
  });

  it('refuses free text, unknown outcomes and missing fields, without echoing them', async () => {
    for (const body of [
      { auditId: trace.auditId, outcome: 'Benefit stopped for Amara' },
      { auditId: trace.auditId, outcome: 'address-updated', note: 'moved to 3 Leeds Road' },
      { auditId: trace.auditId },
      { auditId: 'not-a-uuid', outcome: 'no-action' },
    ]) {
      const res = await feedback('ie-removals-casework', body);
      expect(res.status).toBe(400);
      expect(res.text).not.toMatch(/Amara|Leeds Road/);
    }
  });

  it('answers 404 for an auditId that is no exchange: an outcome entry, a register change, or nothing', async () => {
    const outcome = (await gw.db('audit_log').where({ kind: 'outcome' }).first('id')).id;
    const change = (await gw.db('audit_log').where({ kind: 'register-change' }).first('id')).id;
    for (const auditId of [outcome, change, '00000000-0000-4000-8000-000000000000']) {
      expect((await feedback('ie-removals-casework', { auditId, outcome: 'no-action' })).status).toBe(404);
    }
  });
});

describe('who may report', () => {
  it('needs a token (401) and the partner role (403)', async () => {
    expect((await feedback(null, { auditId: trace.auditId, outcome: 'no-action' })).status).toBe(401);
    const expired = await gw.token('ie-removals-casework', {
      iat: Math.floor(Date.now() / 1000) - 3600,
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect(
      (
        await gw.http
          .post('/v1/feedback')
          .set('authorization', `Bearer ${expired}`)
          .send({ auditId: trace.auditId, outcome: 'no-action' })
      ).status,
    ).toBe(401);
    for (const client of ['sro', 'dpo', 'registry-admin']) {
      expect((await feedback(client, { auditId: trace.auditId, outcome: 'no-action' })).status).toBe(403);
    }
  });

  it('only a party to the exchange: anyone else gets 404, so the exchange is not even known to exist', async () => {
    for (const client of ['dwp-benefits', 'hmrc-benefits', 'guys-ovm', 'ho-status-sharing']) {
      const res = await feedback(client, { auditId: trace.auditId, outcome: 'no-action' });
      expect(res.status, client).toBe(404);
    }
  });
});

describe('the accuracy loop (¶5.29: accountability for the accuracy of the data, and how records get changed)', () => {
  const tracingFigures = async () => {
    const res = await gw.http.get('/v1/measures').set('authorization', `Bearer ${await gw.token('sro')}`);
    const tracing = res.body.collaborations.find(
      (c: { collaborationId: string }) => c.collaborationId === 'ie-dfe-child-tracing',
    );
    return tracing.figures as {
      accuracy: { withFeedback: number; inaccurate: number; corrected: number; rate: number | null };
    };
  };

  it("counts a wrong-person report against the collaboration's accuracy, over exchanges with feedback only", async () => {
    const before = await tracingFigures();
    expect(before.accuracy).toEqual({ withFeedback: 1, inaccurate: 0, corrected: 0, rate: 1 });
    const second = await send(gw, 'trace-matched', '2026-11-23');
    await send(gw, 'trace-matched', '2026-11-23'); // answered, but nobody says anything: not in the denominator
    const wrong = await feedback('ie-removals-casework', { auditId: second.auditId, outcome: 'wrong-person' });
    expect(wrong.status).toBe(201);
    expect((await tracingFigures()).accuracy).toEqual({ withFeedback: 2, inaccurate: 1, corrected: 0, rate: 0.5 });
  });

  it('takes a correction from the other party naming the report it puts right, and refuses one naming nothing real', async () => {
    const third = await send(gw, 'trace-matched', '2026-11-23');
    const wrong = await feedback('ie-removals-casework', { auditId: third.auditId, outcome: 'data-inaccurate' });
    expect(wrong.status).toBe(201);
    // DfE, the other party, corrected its record.
    const fixed = await feedback('dfe-pupil-data', {
      auditId: third.auditId,
      outcome: 'corrected',
      corrects: wrong.body.auditId,
    });
    expect(fixed.status).toBe(201);
    expect(fixed.body).toMatchObject({ outcome: 'corrected', corrects: wrong.body.auditId, decisionId: third.auditId });
    expect((await feedbackEntries()).at(-1)).toMatchObject({
      party: 'dfe',
      feedback: 'corrected',
      corrects: wrong.body.auditId,
    });
    expect(
      (await feedback('dfe-pupil-data', { auditId: third.auditId, outcome: 'corrected', corrects: wrong.body.auditId }))
        .status,
    ).toBe(409);
    // A correction naming feedback that is no inaccuracy report (address-updated on the first trace) cannot stand.
    const noSuch = await gw
      .db('audit_log')
      .where({ kind: 'feedback' })
      .whereRaw(`body->>'feedback' = 'address-updated'`)
      .first('id');
    expect(
      (await feedback('ie-removals-casework', { auditId: trace.auditId, outcome: 'corrected', corrects: noSuch.id }))
        .status,
    ).toBe(409);
    expect((await tracingFigures()).accuracy).toEqual({ withFeedback: 3, inaccurate: 2, corrected: 1, rate: 1 / 3 });
  });

  it('lets a correction name the decision itself, and names what it corrects only for corrected (400 otherwise)', async () => {
    const fourth = await send(gw, 'trace-matched', '2026-11-23');
    const fixed = await feedback('dfe-pupil-data', { auditId: fourth.auditId, outcome: 'corrected' });
    expect(fixed.status).toBe(201);
    expect(fixed.body.corrects).toBe(fourth.auditId);
    const misplaced = await feedback('dfe-pupil-data', {
      auditId: fourth.auditId,
      outcome: 'wrong-person',
      corrects: fixed.body.auditId,
    });
    expect(misplaced.status).toBe(400);
  });

  it('still lets only a party to the exchange say it was the wrong person (404 to anyone else)', async () => {
    const res = await feedback('dwp-benefits', { auditId: trace.auditId, outcome: 'wrong-person' });
    expect(res.status).toBe(404);
  });
});
