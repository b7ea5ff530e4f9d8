// Recommendation 2a–f (¶4.2): an agreement must say everything before it is signed into force. The inspection found
// incomplete and unsigned agreements in use (¶6.113, ¶6.117); the register refuses the signature that would make an
// incomplete version authorise anything, and names every missing item.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, collaborationBody, rowCounts, termsBody } from '../support/register.ts';

let gw: TestGateway;
let admin: ReturnType<typeof asRole>;
const versions = '/v1/register/agreements/bare-mou/versions';
const sign = (version: string, party: string) =>
  admin.post(`${versions}/${version}/signatures`, { party, signatory: `Director ${party}`, signedOn: '2026-11-20' });

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  admin = asRole(gw, 'registry-admin');
  expect((await admin.post('/v1/register/collaborations', collaborationBody('bare-collab'))).status).toBe(201);
  expect(
    (
      await admin.post('/v1/register/agreements', {
        id: 'bare-mou',
        collaborationId: 'bare-collab',
        kind: 'mou',
        title: 'Bare MoU',
      })
    ).status,
  ).toBe(201);
});
afterAll(() => gw.close());

const bare = termsBody('bare-mou', '1.0', {
  legalBases: [{ code: 'unstated-bare-basis', statute: 'Not named', section: 'not named' }],
  dataAccuracy: null,
  seniorOwners: [],
  communication: null,
  measures: [],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
});

describe('a version that does not say everything', () => {
  it('may be drafted, and stays a draft', async () => {
    const drafted = await admin.post(versions, bare);
    expect(drafted.status).toBe(201);
    expect(drafted.body.standing).toMatchObject({ status: 'draft', authorises: false });
  });

  it('may take the first signature (it is not yet in force), but not the one that completes it: 422 naming every missing item', async () => {
    expect((await sign('1.0', 'home-office-ie')).status).toBe(200);
    const before = await rowCounts(gw);
    const refused = await sign('1.0', 'dfe');
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.code).toBe('unprocessable');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'legalBases',
      'dataAccuracy',
      'seniorOwners',
      'seniorOwners',
      'communication',
      'measures',
      'review.intervalMonths',
    ]);
    expect(refused.body.detail).toMatch(/"unstated-bare-basis" names no provision/);
    expect(refused.body.detail).toMatch(/dfe has no nominated senior owner/);
    // Nothing written: no signature, no audit entry.
    expect(await rowCounts(gw)).toEqual(before);
    const stands = await admin.get(`${versions}/1.0?asOf=2027-02-01`);
    expect(stands.body.standing).toMatchObject({ status: 'draft', authorises: false });
  });
});

describe('a complete version', () => {
  it('is signed by every party and comes into force', async () => {
    expect((await admin.post(versions, termsBody('bare-mou', '2.0', { inForceFrom: '2027-06-01' }))).status).toBe(201);
    expect((await sign('2.0', 'home-office-ie')).status).toBe(200);
    const last = await sign('2.0', 'dfe');
    expect(last.status).toBe(200);
    expect((await admin.get(`${versions}/2.0?asOf=2027-06-01`)).body.standing).toMatchObject({
      status: 'in-force',
      authorises: true,
    });
  });
});
