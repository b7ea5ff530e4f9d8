// Directives are register operations, not code changes: issued, extended and lifted through the API,
// each dated so that decisions follow the directive in force on the day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';
import { asRole } from '../support/register.ts';

let gw: TestGateway;
let admin: ReturnType<typeof asRole>;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  admin = asRole(gw, 'registry-admin');
});
afterAll(() => gw.close());

const pause = {
  id: 'test-pause',
  title: 'Pause proactive sharing about over-30s',
  authority: 'Home Secretary',
  scope: { purposeMode: 'proactive', compliantEnvironment: true, exchanges: ['hmrc.proactive-notification'] },
  condition: { kind: 'pause-over-age', age: 30 },
  effectiveFrom: '2026-12-01',
  effectiveTo: '2027-02-28',
  reference: '¶5.42–5.43',
};

describe('a directive', () => {
  it('is issued with its authority and applies only within its days', async () => {
    expect((await admin.post('/v1/register/directives', pause)).status).toBe(201);
    const ids = async (day: string) =>
      (await admin.get(`/v1/register/directives?asOf=${day}`)).body.directives.map((d: { id: string }) => d.id);
    expect(await ids('2026-11-30')).not.toContain('test-pause');
    expect(await ids('2026-12-01')).toContain('test-pause');
    expect(await ids('2027-02-28')).toContain('test-pause');
    expect(await ids('2027-03-01')).not.toContain('test-pause');
  });

  it('is extended, then lifted, without a code change', async () => {
    const extended = await admin.post('/v1/register/directives/test-pause/end', {
      action: 'extend',
      effectiveTo: '2027-05-31',
    });
    expect(extended.status).toBe(200);
    expect(extended.body.effectiveTo).toBe('2027-05-31');
    const lifted = await admin.post('/v1/register/directives/test-pause/end', {
      action: 'lift',
      effectiveTo: '2027-01-15',
    });
    expect(lifted.body.effectiveTo).toBe('2027-01-15');
    const bodies = (await gw.db('audit_log').where({ kind: 'register-change' }).select('body')).map((r) =>
      typeof r.body === 'string' ? JSON.parse(r.body) : r.body,
    );
    expect(bodies.filter((b) => b.target === 'directive/test-pause').map((b) => b.action)).toEqual([
      'issue-directive',
      'extend-directive',
      'lift-directive',
    ]);
  });

  it('cannot be ended on a day already past', async () => {
    const res = await admin.post('/v1/register/directives/test-pause/end', {
      action: 'lift',
      effectiveTo: '2026-01-01',
    });
    expect(res.status).toBe(422);
  });

  it('may only be issued by a registry administrator', async () => {
    const res = await asRole(gw, 'sro').post('/v1/register/directives', { ...pause, id: 'by-sro' });
    expect(res.status).toBe(403);
  });
});
