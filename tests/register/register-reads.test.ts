// Against the default register: which collaborations exist, who owns them, which are signed, which are in
// force on a day, which reviews are overdue, and what each lacks (recommendations 1–3, ¶4).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';
import { asRole } from '../support/register.ts';

let gw: TestGateway;
let sro: ReturnType<typeof asRole>;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  sro = asRole(gw, 'sro');
});
afterAll(() => gw.close());

const childTracing = 'ie-dfe-child-tracing';

describe('the register answers', () => {
  it('which collaborations exist and who owns them', async () => {
    const res = await sro.get('/v1/register/collaborations');
    expect(res.status).toBe(200);
    const mine = res.body.collaborations.find(
      (s: { collaboration: { id: string } }) => s.collaboration.id === childTracing,
    );
    expect(mine.collaboration.owner).toMatchObject({ name: 'Head of Removals Casework' });
    expect(mine.collaboration.parties).toEqual(['home-office-ie', 'dfe']);
  });

  it('which are signed and in force on a given day, and under which version', async () => {
    const today = await sro.get('/v1/register/collaborations');
    const before = await sro.get('/v1/register/collaborations?asOf=2015-01-01');
    const pick = (res: { body: { collaborations: { collaboration: { id: string } }[] } }) =>
      res.body.collaborations.find((s) => s.collaboration.id === childTracing) as unknown as {
        signed: boolean;
        inForce: boolean;
        governing: string[];
      };
    expect(pick(today)).toMatchObject({ signed: true, inForce: true, governing: ['ie-dfe-child-tracing-mou@2.0'] });
    expect(pick(before)).toMatchObject({ signed: false, inForce: false, governing: [] });
    const in2016 = await sro.get('/v1/register/collaborations?asOf=2016-06-01');
    expect(pick(in2016).governing).toEqual(['ie-dfe-child-tracing-mou@1.0']);
  });

  it('filters to those in force, or not, on a day', async () => {
    const inForce = await sro.get('/v1/register/collaborations?inForce=true');
    const notInForce = await sro.get('/v1/register/collaborations?inForce=false');
    expect(inForce.body.collaborations.every((s: { inForce: boolean }) => s.inForce)).toBe(true);
    expect(notInForce.body.collaborations.every((s: { inForce: boolean }) => !s.inForce)).toBe(true);
  });

  it('recalls the terms in force on a past day: nationality allowed in 2016, not since', async () => {
    const past = await sro.get('/v1/register/agreements/ie-dfe-child-tracing-mou/versions?asOf=2016-05-01');
    expect(past.body.governing).toBe('1.0');
    const v1 = past.body.versions.find((v: { version: { version: string } }) => v.version.version === '1.0');
    expect(v1.version.exchanges[0].requestFields).toContain('subject.nationality');
    const now = await sro.get('/v1/register/agreements/ie-dfe-child-tracing-mou/versions');
    expect(now.body.governing).toBe('2.0');
    expect(
      now.body.versions.find((v: { version: { version: string } }) => v.version.version === '1.0').standing.status,
    ).toBe('expired');
  });

  it('which reviews are overdue', async () => {
    const res = await sro.get('/v1/register/collaborations');
    const mine = res.body.collaborations.find(
      (s: { collaboration: { id: string } }) => s.collaboration.id === childTracing,
    );
    expect(mine).toMatchObject({ reviewOverdue: true, nextReviewDue: '2017-10-01' });
  });

  it('which characteristics each lacks, and what needs attention first', async () => {
    const res = await sro.get('/v1/register/scorecard');
    expect(res.status).toBe(200);
    const card = res.body.scorecards.find((c: { collaborationId: string }) => c.collaborationId === childTracing);
    const codes = card.gaps.map((g: { code: string }) => g.code);
    expect(codes).toContain('draft-in-use');
    expect(codes).toContain('review-overdue');
    expect(codes).not.toContain('no-signed-agreement');
    expect(card.characteristics.find((c: { id: string }) => c.id === 'review-and-revision')).toMatchObject({
      met: false,
    });
    expect(card.characteristics.find((c: { id: string }) => c.id === 'strategic-leadership')).toMatchObject({
      met: true,
    });
    expect(res.body.attentionFirst.length).toBeGreaterThan(0);
    const priorities = res.body.scorecards.map((c: { priority: number }) => c.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
  });

  it('shows an unsigned draft as a draft that authorises nothing (¶6.113)', async () => {
    const res = await sro.get('/v1/register/agreements/ie-dfe-ie-checks-mou/versions/2.3');
    expect(res.body.standing).toMatchObject({ status: 'draft', authorises: false });
  });

  it('publishes BAU collaborations with purpose and owner, as JSON and CSV, without a token', async () => {
    const json = await gw.http.get('/v1/register/published');
    expect(json.status).toBe(200);
    const entry = json.body.collaborations.find((c: { id: string }) => c.id === childTracing);
    expect(entry).toMatchObject({
      ownerEmail: 'removals-casework@homeoffice.example',
      directorate: 'Immigration Enforcement',
    });
    expect(json.body.collaborations.every((c: { id: string }) => c.id)).toBe(true);
    const csv = await gw.http.get('/v1/register/published?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\r\n')[0]).toBe('id,title,purpose,directorate,ownerName,ownerRole,ownerEmail,parties');
    expect(csv.text).toContain('removals-casework@homeoffice.example');
  });

  it('is readable by every authenticated role and by no one without a token', async () => {
    for (const client of ['ie-removals-casework', 'dpo', 'registry-admin', 'sro']) {
      expect((await asRole(gw, client).get('/v1/register/parties')).status).toBe(200);
    }
    expect((await gw.http.get('/v1/register/parties')).status).toBe(401);
  });

  it('answers 404 for a collaboration it does not hold, and 400 for a malformed day', async () => {
    expect((await sro.get('/v1/register/collaborations/no-such-thing')).status).toBe(404);
    const bad = await sro.get('/v1/register/collaborations?asOf=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('asOf');
  });
});
