// Joint reviews as a workflow (rec 2f: "regular joint reviews with agreed improvement plans"; ¶6.93: the UKVI–HMRC
// bulk agreement is reviewed jointly every six months). A review is joint only when every party has signed it off;
// its improvement actions have owners and due dates and are tracked to closure; anything overdue is signalled.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, reviewOverdue, rowCounts } from '../support/register.ts';

let gw: TestGateway;
const reviews = '/v1/register/agreements/ukvi-hmrc-bulk-evidence-dsa/versions/1.0/joint-reviews';
const meeting = {
  heldOn: '2026-11-02',
  attendees: [
    { party: 'home-office-ukvi', name: 'UKVI European Casework lead', role: 'Senior owner' },
    { party: 'hmrc', name: 'HMRC data-sharing lead', role: 'Senior owner' },
  ],
  findings: ['Requests stayed under the 10,000 a month cap (¶6.95)'],
  actions: [
    {
      description: 'Automate the monthly return file',
      owner: { party: 'hmrc', name: 'HMRC data-sharing lead' },
      dueOn: '2026-11-20',
    },
    {
      description: 'Publish the review summary',
      owner: { party: 'home-office-ukvi', name: 'UKVI European Casework lead' },
      dueOn: '2026-12-31',
    },
  ],
};
let reviewId: string;
let actions: { id: string; status: string }[];

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
});
afterAll(() => gw.close());

describe('a joint review', () => {
  it('needs someone from every party: 422 naming who is missing, and nothing written', async () => {
    const before = await rowCounts(gw);
    const res = await asRole(gw, 'sro').post(reviews, { ...meeting, attendees: [meeting.attendees[0]] });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      { field: 'attendees', message: 'no one attended for hmrc: a joint review needs every party' },
    ]);
    expect(await rowCounts(gw)).toEqual(before);
  });

  it('is recorded by an SRO with its findings and improvement plan, and is not joint until every party signs off', async () => {
    const res = await asRole(gw, 'sro').post(reviews, meeting);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ joint: false, awaitingSignOff: ['home-office-ukvi', 'hmrc'] });
    reviewId = res.body.id;
    actions = res.body.actions;
    // The 20 November action is already overdue on 23 November, and says so.
    expect(actions.map((a) => a.status)).toEqual(['overdue', 'open']);
    expect(res.body.signals).toEqual([
      expect.objectContaining({
        code: 'action-overdue',
        detail: expect.stringContaining('Automate the monthly return file'),
      }),
    ]);
  });

  it("takes each party's sign-off from that party only", async () => {
    const byDwp = await asRole(gw, 'dwp-benefits').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
      party: 'hmrc',
      signatory: 'x',
      signedOn: '2026-11-05',
    });
    expect(byDwp.status).toBe(403);
    const ukvi = await asRole(gw, 'sro').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
      party: 'home-office-ukvi',
      signatory: 'UKVI SRO',
      signedOn: '2026-11-03',
    });
    expect(ukvi.status).toBe(200);
    expect(ukvi.body).toMatchObject({ joint: false, awaitingSignOff: ['hmrc'] });
    const again = await asRole(gw, 'sro').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
      party: 'home-office-ukvi',
      signatory: 'UKVI SRO',
      signedOn: '2026-11-04',
    });
    expect(again.status).toBe(409);
  });

  it("is joint once HMRC signs off, and then is the version's review: the next is due six months on (¶6.93)", async () => {
    const hmrc = await asRole(gw, 'hmrc-benefits').post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
      party: 'hmrc',
      signatory: 'HMRC director',
      signedOn: '2026-11-05',
    });
    expect(hmrc.status).toBe(200);
    expect(hmrc.body).toMatchObject({ joint: true, awaitingSignOff: [] });
    const v = await asRole(gw, 'sro').get('/v1/register/agreements/ukvi-hmrc-bulk-evidence-dsa/versions/1.0');
    expect(v.body.version.review).toMatchObject({ lastReviewedOn: '2026-11-02', nextReviewDue: '2027-05-02' });
  });

  it('tracks an action to closure, once, and the overdue signal clears', async () => {
    const closed = await asRole(gw, 'sro').post(`/v1/register/improvement-actions/${actions[0]!.id}/closure`, {
      closedOn: '2026-11-22',
      outcome: 'Return file automated',
    });
    expect(closed.status).toBe(200);
    expect(closed.body.actions.map((a: { status: string }) => a.status)).toEqual(['closed', 'open']);
    expect(closed.body.signals).toEqual([]);
    expect(
      (
        await asRole(gw, 'sro').post(`/v1/register/improvement-actions/${actions[0]!.id}/closure`, {
          closedOn: '2026-11-23',
          outcome: 'again',
        })
      ).status,
    ).toBe(409);
    const list = await asRole(gw, 'dpo').get(reviews);
    expect(list.status).toBe(200);
    expect(list.body.reviews).toHaveLength(1);
  });

  it('keeps its history: the database refuses to edit or delete a sign-off or a closure', async () => {
    await expect(gw.db.raw(`update joint_review_sign_offs set signatory = 'someone else'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(gw.db.raw(`delete from improvement_action_closures`)).rejects.toThrow(/append-only/);
  });

  it('audits every step as a register change', async () => {
    const bodies = (await gw.db('audit_log').where({ kind: 'register-change' }).orderBy('seq').select('body')).map(
      (r) => (typeof r.body === 'string' ? JSON.parse(r.body) : r.body),
    );
    expect(bodies.map((b) => b.action)).toEqual(
      expect.arrayContaining(['record-joint-review', 'sign-off-joint-review', 'close-improvement-action']),
    );
  });

  it('is 404 for a review or action that does not exist', async () => {
    expect(
      (
        await asRole(gw, 'sro').post('/v1/register/joint-reviews/00000000-0000-4000-8000-000000000000/sign-offs', {
          party: 'hmrc',
          signatory: 'x',
          signedOn: '2026-11-05',
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await asRole(gw, 'sro').post('/v1/register/improvement-actions/00000000-0000-4000-8000-000000000000/closure', {
          closedOn: '2026-11-22',
          outcome: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('a joint review sent again with the same Idempotency-Key', () => {
  const hold = async (body: object, key: string) =>
    gw.http
      .post(reviews)
      .set('authorization', `Bearer ${await gw.token('sro')}`)
      .set('idempotency-key', key)
      .send(body);
  const held = async () => (await asRole(gw, 'dpo').get(reviews)).body.reviews.length as number;

  it('gets the first answer again and records the review once', async () => {
    const before = await held();
    const key = randomUUID();
    const next = { ...meeting, heldOn: '2026-11-16' };
    const first = await hold(next, key);
    expect(first.status).toBe(201);
    const retry = await hold(next, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
    expect(await held()).toBe(before + 1);
  });

  it('is 422 with another meeting, which is not recorded', async () => {
    const key = randomUUID();
    expect((await hold({ ...meeting, heldOn: '2026-11-17' }, key)).status).toBe(201);
    const before = await held();
    const other = await hold({ ...meeting, heldOn: '2026-11-18' }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('unprocessable');
    expect(await held()).toBe(before);
  });
});

describe('a review by one SRO alone (issue 15: "a \'joint\' review is recorded by one SRO alone")', () => {
  const childTracing = '/v1/register/agreements/ie-dfe-child-tracing-mou/versions/2.0';
  const overdue = () => reviewOverdue(gw, 'ie-dfe-child-tracing-mou');

  it('cannot be recorded: the one-SRO endpoint is gone, and nothing is written', async () => {
    const before = await rowCounts(gw);
    const res = await asRole(gw, 'sro').post(`${childTracing}/reviews`, {
      reviewedOn: '2026-11-20',
      outcome: 'Reviewed alone',
      improvementPlan: null,
      nextReviewDue: '2027-11-20',
    });
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(await rowCounts(gw)).toEqual(before);
  });

  it('recorded before, stays as recorded but does not count: the review is still overdue', async () => {
    // What the one-SRO endpoint wrote: a review row naming no joint review. The table only grows, so it stays.
    await gw.db('agreement_reviews').insert({
      agreement_id: 'ie-dfe-child-tracing-mou',
      version: '2.0',
      reviewed_on: '2026-11-20',
      reviewer: 'sro',
      outcome: 'Reviewed alone',
      next_review_due: '2027-11-20',
    });
    const v = await asRole(gw, 'sro').get(childTracing);
    // As the report states it (¶6.140): last reviewed in October 2016, due in October 2017.
    expect(v.body.version.review).toMatchObject({ lastReviewedOn: '2016-10-01', nextReviewDue: '2017-10-01' });
    expect(await overdue()).toBe(true);
  });

  it('held with both parties counts only once both have signed it off', async () => {
    const held = await asRole(gw, 'sro').post(`${childTracing}/joint-reviews`, {
      heldOn: '2026-11-20',
      attendees: [
        { party: 'home-office-ie', name: 'Head of Removals Casework', role: 'Senior owner' },
        { party: 'dfe', name: 'Head of Data Sharing', role: 'Senior owner' },
      ],
      findings: ['Turnaround missed twice'],
      actions: [],
    });
    expect(held.status).toBe(201);
    const signOff = (client: string, party: string) =>
      asRole(gw, client).post(`/v1/register/joint-reviews/${held.body.id}/sign-offs`, {
        party,
        signatory: `Senior owner for ${party}`,
        signedOn: '2026-11-21',
      });
    expect((await signOff('sro', 'home-office-ie')).status).toBe(200);
    expect(await overdue()).toBe(true);
    expect((await asRole(gw, 'sro').get(childTracing)).body.version.review.lastReviewedOn).toBe('2016-10-01');
    expect((await signOff('dfe-pupil-data', 'dfe')).status).toBe(200);
    expect(await overdue()).toBe(false);
    expect((await asRole(gw, 'sro').get(childTracing)).body.version.review).toMatchObject({
      lastReviewedOn: '2026-11-20',
      nextReviewDue: '2027-11-20',
    });
    const rows = await gw.db('agreement_reviews').where({ agreement_id: 'ie-dfe-child-tracing-mou' }).orderBy('id');
    expect(rows.map((r) => r.joint_review_id)).toEqual([null, held.body.id]);
  });
});
