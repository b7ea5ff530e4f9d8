// Lifecycle and versioning: draft → signed → in force → suspended → terminated; a signed version is never
// edited; any past day's terms can be recalled; every change is audited in the same transaction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { asRole, collaborationBody, termsBody } from '../support/register.ts';

let gw: TestGateway;
let admin: ReturnType<typeof asRole>;
const versions = '/v1/register/agreements/test-mou/versions';

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  admin = asRole(gw, 'registry-admin');
  expect((await admin.post('/v1/register/collaborations', collaborationBody('test-collab'))).status).toBe(201);
  expect(
    (
      await admin.post('/v1/register/agreements', {
        id: 'test-mou',
        collaborationId: 'test-collab',
        kind: 'mou',
        title: 'Test MoU',
      })
    ).status,
  ).toBe(201);
});
afterAll(() => gw.close());

describe('a version from draft to terminated', () => {
  it('starts as a draft that may be edited', async () => {
    const created = await admin.post(versions, termsBody('test-mou', '1.0'));
    expect(created.status).toBe(201);
    expect(created.body.standing).toMatchObject({ status: 'draft', authorises: false });
    const edited = await admin.put(`${versions}/1.0`, termsBody('test-mou', '1.0', { notes: 'Second draft' }));
    expect(edited.status).toBe(200);
    expect(edited.body.version.notes).toBe('Second draft');
  });

  it('is frozen from the first signature: the API refuses with 409 and so does the database', async () => {
    const signed = await admin.post(`${versions}/1.0/signatures`, {
      party: 'home-office-ie',
      signatory: 'Director IE',
      signedOn: '2026-11-20',
    });
    expect(signed.status).toBe(200);
    expect(signed.body.standing.reason).toMatch(/not signed by dfe/);
    const edit = await admin.put(`${versions}/1.0`, termsBody('test-mou', '1.0', { notes: 'Sneaky change' }));
    expect(edit.status).toBe(409);
    expect(edit.body.detail).toMatch(/signed and can never be edited/);
    await expect(
      gw.db.raw(`update agreement_versions set terms = terms || '{"notes":"x"}' where agreement_id = 'test-mou'`),
    ).rejects.toThrow(/cannot be changed/);
  });

  it('is in force once every party has signed and its day has come', async () => {
    const signed = await admin.post(`${versions}/1.0/signatures`, {
      party: 'dfe',
      signatory: 'Director DfE',
      signedOn: '2026-11-21',
    });
    expect(signed.body.standing.status).toBe('signed');
    const later = await admin.get(`${versions}/1.0?asOf=2027-02-01`);
    expect(later.body.standing).toMatchObject({ status: 'in-force', authorises: true });
  });

  it('refuses a second signature by the same party', async () => {
    const again = await admin.post(`${versions}/1.0/signatures`, {
      party: 'dfe',
      signatory: 'Someone',
      signedOn: '2026-11-22',
    });
    expect(again.status).toBe(409);
  });

  it('is suspended and reinstated from given days, and the past stays as it was', async () => {
    const suspended = await admin.post(`${versions}/1.0/lifecycle`, {
      action: 'suspend',
      on: '2027-03-01',
      reason: 'Joint review of accuracy',
    });
    expect(suspended.status).toBe(200);
    expect(suspended.body.standing).toMatchObject({ status: 'suspended', authorises: false });
    expect(
      (await admin.post(`${versions}/1.0/lifecycle`, { action: 'reinstate', on: '2027-04-01', reason: 'Review done' }))
        .status,
    ).toBe(200);
    expect((await admin.get(`${versions}/1.0?asOf=2027-02-15`)).body.standing.status).toBe('in-force');
    expect((await admin.get(`${versions}/1.0?asOf=2027-03-15`)).body.standing.status).toBe('suspended');
    expect((await admin.get(`${versions}/1.0?asOf=2027-04-01`)).body.standing.status).toBe('in-force');
  });

  it('refuses a back-dated change', async () => {
    const res = await admin.post(`${versions}/1.0/lifecycle`, {
      action: 'terminate',
      on: '2020-01-01',
      reason: 'Rewrite history',
    });
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/back-dated/);
  });

  it('refuses a new version whose days overlap one in force, until the old one is ended', async () => {
    await admin.post(versions, termsBody('test-mou', '2.0', { inForceFrom: '2027-06-01' }));
    await admin.post(`${versions}/2.0/signatures`, {
      party: 'home-office-ie',
      signatory: 'Director IE',
      signedOn: '2026-11-22',
    });
    const overlap = await admin.post(`${versions}/2.0/signatures`, {
      party: 'dfe',
      signatory: 'Director DfE',
      signedOn: '2026-11-22',
    });
    expect(overlap.status).toBe(409);
    expect(overlap.body.detail).toMatch(/overlapping version 1.0/);
    expect(
      (
        await admin.post(`${versions}/1.0/lifecycle`, {
          action: 'terminate',
          on: '2027-06-01',
          reason: 'Superseded by 2.0',
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await admin.post(`${versions}/2.0/signatures`, {
          party: 'dfe',
          signatory: 'Director DfE',
          signedOn: '2026-11-22',
        })
      ).status,
    ).toBe(200);
    const list = await admin.get(`${versions}?asOf=2027-07-01`);
    expect(list.body.governing).toBe('2.0');
    expect((await admin.get(`${versions}?asOf=2027-05-01`)).body.governing).toBe('1.0');
  });

  it('writes every change to the audit log with who, what, before and after', async () => {
    const changes = await gw.db('audit_log').where({ kind: 'register-change' }).orderBy('seq').select('body');
    const bodies = changes.map((c) => (typeof c.body === 'string' ? JSON.parse(c.body) : c.body));
    const actions = bodies.map((b) => b.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'create-collaboration',
        'create-agreement',
        'draft-version',
        'replace-draft-version',
        'sign-version',
        'suspend-version',
        'reinstate-version',
        'terminate-version',
      ]),
    );
    const replaced = bodies.find((b) => b.action === 'replace-draft-version');
    expect(replaced).toMatchObject({
      actor: 'registry-admin',
      target: 'agreement/test-mou/version/1.0',
      after: { notes: 'Second draft' },
    });
    expect(replaced.before.notes).toBeNull();
  });
});

describe('the register governs exchanges', () => {
  it('refuses child tracing while its agreement is suspended, and permits it again once reinstated', async () => {
    const v2 = '/v1/register/agreements/ie-dfe-child-tracing-mou/versions/2.0';
    const child = { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' };
    const trace = async () =>
      gw.http
        .post(childTracePath)
        .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
        .send(childTraceRequest(child));
    expect((await trace()).status).toBe(200);
    await admin.post(`${v2}/lifecycle`, {
      action: 'suspend',
      on: '2026-11-23',
      reason: 'Accuracy concerns raised by DfE',
    });
    const refused = await trace();
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/agreement-in-force: .*suspended from 2026-11-23/);
    await admin.post(`${v2}/lifecycle`, { action: 'reinstate', on: '2026-11-24', reason: 'Resolved' });
    expect((await admin.get(`${v2}?asOf=2026-11-24`)).body.standing.status).toBe('in-force');
  });
});

describe('joint reviews (recommendation 2f)', () => {
  it('clear the overdue review once held with both parties and signed off by each', async () => {
    const sro = asRole(gw, 'sro');
    const overdue = async () =>
      (await sro.get('/v1/register/collaborations')).body.collaborations.find(
        (s: { collaboration: { id: string } }) => s.collaboration.id === 'ie-dfe-child-tracing',
      ).reviewOverdue;
    expect(await overdue()).toBe(true);
    const held = await sro.post('/v1/register/agreements/ie-dfe-child-tracing-mou/versions/2.0/joint-reviews', {
      heldOn: '2026-11-20',
      attendees: [
        { party: 'home-office-ie', name: 'Head of Removals Casework', role: 'Senior owner' },
        { party: 'dfe', name: 'Head of Data Sharing', role: 'Senior owner' },
      ],
      findings: ['Cap and match rate reviewed'],
      actions: [
        {
          description: 'Pilot a two-point match',
          owner: { party: 'dfe', name: 'Head of Data Sharing' },
          dueOn: '2027-03-31',
        },
      ],
    });
    expect(held.status).toBe(201);
    const signOff = (client: string, party: string) =>
      asRole(gw, client).post(`/v1/register/joint-reviews/${held.body.id}/sign-offs`, {
        party,
        signatory: `Senior owner for ${party}`,
        signedOn: '2026-11-21',
      });
    expect((await signOff('sro', 'home-office-ie')).status).toBe(200);
    expect(await overdue()).toBe(true); // DfE has not signed it off: not joint yet
    expect((await signOff('dfe-pupil-data', 'dfe')).status).toBe(200);
    const version = await sro.get('/v1/register/agreements/ie-dfe-child-tracing-mou/versions/2.0');
    expect(version.body.version.review).toMatchObject({
      lastReviewedOn: '2026-11-20',
      nextReviewDue: '2027-11-20',
      improvementPlan: 'Pilot a two-point match (Head of Data Sharing, due 2027-03-31)',
    });
    expect(await overdue()).toBe(false);
  });

  it('may not be recorded by a registry administrator, and registers may not be written by an SRO or partner', async () => {
    const byAdmin = await admin.post('/v1/register/agreements/test-mou/versions/2.0/joint-reviews', {
      heldOn: '2026-11-20',
      attendees: [{ party: 'home-office-ie', name: 'x', role: 'y' }],
      findings: [],
      actions: [],
    });
    expect(byAdmin.status).toBe(403);
    for (const client of ['sro', 'ie-removals-casework', 'dpo']) {
      const res = await asRole(gw, client).post('/v1/register/collaborations', collaborationBody(`by-${client}`));
      expect(res.status).toBe(403);
    }
  });
});
