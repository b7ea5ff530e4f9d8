// One collaboration from an incomplete draft to a signed, jointly reviewed agreement whose SLA, accuracy and
// obligations appear in its measures, all through the API (issue 15, "Done when"). Recommendations 2 and 3 (¶4.2):
// "2. ... a) the legal basis ... b) data accuracy ... c) senior owners ... d) communication ... e) measures ... f)
// regular joint reviews with agreed improvement plans"; "3. ... measure the effectiveness of each collaboration".
// The collaboration is DWP's status checks, renewed under a new MoU: the 2012 umbrella MoU named no owner, measure
// or review (¶6.34), DWP's checks must be answered within 5 days (¶6.34), and a Windrush profile is referred to the
// Taskforce (¶3.24, ¶6.56), a duty nobody confirmed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, collaborationBody } from '../support/register.ts';
import { dwpStatusCheck, paths } from '../support/requests.ts';

let now = new Date('2026-11-23T09:00:00Z');
let gw: TestGateway;
const collaborationId = 'dwp-status-checks-renewed';
const agreementId = 'dwp-status-checks-2026-mou';
const versions = `/v1/register/agreements/${agreementId}/versions`;
const sign = (version: string, party: string) =>
  asRole(gw, 'registry-admin').post(`${versions}/${version}/signatures`, {
    party,
    signatory: `Director for ${party}`,
    signedOn: '2026-11-23',
  });
let terms: Record<string, any>;
const checks: Record<'clarence' | 'priya', string> = { clarence: '', priya: '' };
let reviewId: string;

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  // The new MoU carries over what the umbrella MoU says about status checks: its parties, purpose, basis and exchange.
  const umbrella = (
    await asRole(gw, 'registry-admin').get('/v1/register/agreements/home-office-dwp-umbrella-mou/versions/2012-01')
  ).body.version;
  terms = {
    agreementId,
    version: '1.0',
    title: 'Home Office – DWP status checks MoU (2026)',
    kind: 'mou',
    parties: ['home-office', 'dwp'],
    inForceFrom: '2026-11-23',
    inForceTo: null,
    legalBases: umbrella.legalBases,
    purposes: umbrella.purposes.filter((p: { mode: string }) => p.mode === 'reactive'),
    partyAims: umbrella.partyAims,
    exchanges: umbrella.exchanges.filter((e: { exchange: string }) => e.exchange === 'dwp.status-check'),
    sopReferences: [],
    processMaps: [],
    namesOrganisations: ['home-office', 'dwp'],
    notes: null,
    feedback: 'DWP reports what each check led to',
  };
}, 120_000);
afterAll(() => gw?.close());
const incomplete = () => ({
  ...terms,
  legalBases: [
    { code: 'unstated-dwp-status-checks', statute: 'Not named in the report', section: 'not named in the report' },
  ],
  dataAccuracy: null,
  seniorOwners: [],
  communication: null,
  measures: [],
  review: { intervalMonths: null, lastReviewedOn: null, nextReviewDue: null, improvementPlan: null },
});

describe('rec 2a–f: an incomplete draft cannot be signed into force', () => {
  it('is drafted as the umbrella MoU was written: no named provision, owners, accuracy, route, measures or review', async () => {
    const admin = asRole(gw, 'registry-admin');
    expect(
      (
        await admin.post(
          '/v1/register/collaborations',
          collaborationBody(collaborationId, { parties: ['home-office', 'dwp'], title: 'DWP status checks (renewed)' }),
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await admin.post('/v1/register/agreements', {
          id: agreementId,
          collaborationId,
          kind: 'mou',
          title: terms.title,
        })
      ).status,
    ).toBe(201);
    const drafted = await admin.post(versions, incomplete());
    expect(drafted.status).toBe(201);
    expect(drafted.body.standing).toMatchObject({ status: 'draft', authorises: false });
  });

  it("takes the Home Office's signature, but refuses DWP's, which would bring it into force, naming each missing item", async () => {
    expect((await sign('1.0', 'home-office')).status).toBe(200);
    const refused = await sign('1.0', 'dwp');
    expect(refused.status).toBe(422);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'legalBases',
      'dataAccuracy',
      'seniorOwners',
      'seniorOwners',
      'communication',
      'measures',
      'review.intervalMonths',
    ]);
    expect(refused.body.detail).toMatch(/"unstated-dwp-status-checks" names no provision/);
    expect(refused.body.detail).toMatch(/dwp has no nominated senior owner/);
    expect((await asRole(gw, 'sro').get(`${versions}/1.0`)).body.standing).toMatchObject({
      status: 'draft',
      authorises: false,
    });
    // Signed by one party, the draft is frozen: it is completed as a new version, not edited.
    expect((await asRole(gw, 'registry-admin').put(`${versions}/1.0`, incomplete())).status).toBe(409);
  });
});

describe('completed, signed by each party, in force', () => {
  it('says everything rec 2 asks, and comes into force with the second signature', async () => {
    const complete = {
      ...terms,
      version: '1.1',
      dataAccuracy: {
        matchPoints: ['nino', 'name', 'dateOfBirth'],
        description:
          'DWP reports a wrong person or inaccurate data through the gateway; the Home Office corrects its record and says so',
      },
      seniorOwners: [
        {
          party: 'home-office',
          name: 'Head of Status Verification, Enquiries and Checking',
          role: 'Senior owner',
          email: 'sveck@homeoffice.example',
        },
        { party: 'dwp', name: 'DWP Head of Benefit Integrity', role: 'Senior owner', email: 'integrity@dwp.example' },
      ],
      communication: 'Monthly call between the senior owners; urgent issues by the shared mailbox',
      measures: [
        {
          code: 'data-checking',
          description: 'A status check answered within 5 days (the umbrella SLAs, ¶6.34)',
          slaHours: 120,
        },
        {
          code: 'windrush-referrals',
          description: 'Checks about someone with a Windrush profile referred to the Taskforce (¶6.56)',
        },
      ],
      review: { intervalMonths: 6, lastReviewedOn: null, nextReviewDue: '2027-05-23', improvementPlan: null },
    };
    expect((await asRole(gw, 'registry-admin').post(versions, complete)).status).toBe(201);
    const first = await sign('1.1', 'home-office');
    expect(first.status).toBe(200);
    expect(first.body.standing).toMatchObject({ authorises: false });
    const second = await sign('1.1', 'dwp');
    expect(second.status).toBe(200);
    expect(second.body.standing).toMatchObject({ status: 'in-force', authorises: true });
  });
});

describe('exchanges run under it, and what followed is recorded', () => {
  it("answers DWP's checks about Clarence (a Windrush profile) and Priya under the new MoU", async () => {
    for (const [name, person] of [
      ['clarence', fixtures.windrushElder],
      ['priya', fixtures.turns30On2018_05_01],
    ] as const) {
      const res = await gw.http
        .post(paths['dwp.status-check'])
        .set('authorization', `Bearer ${await gw.token('dwp-benefits')}`)
        .send(dwpStatusCheck(person, { nino: true }));
      expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
      expect(res.body.decision.agreement).toMatchObject({ id: agreementId, version: '1.1' });
      checks[name] = res.body.auditId;
    }
  });

  it("records the Home Office's completion of each: Clarence's the next morning, Priya's a week later", async () => {
    now = new Date('2026-12-01T09:00:00Z');
    const complete = async (auditId: string, completedAt: string) =>
      gw.http
        .post('/v1/completions')
        .set('authorization', `Bearer ${await gw.token('ho-status-sharing')}`)
        .send({ auditId, work: 'check-answered', completedAt });
    expect((await complete(checks.clarence, '2026-11-24T08:30:00Z')).status).toBe(201);
    expect((await complete(checks.priya, '2026-11-30T16:00:00Z')).status).toBe(201);
  });

  it("takes DWP's accuracy feedback: the answer about Priya was the wrong person, since corrected", async () => {
    const feedback = async (auditId: string, outcome: string, corrects?: string) =>
      gw.http
        .post('/v1/feedback')
        .set('authorization', `Bearer ${await gw.token('dwp-benefits')}`)
        .send({ auditId, outcome, ...(corrects ? { corrects } : {}) });
    const wrong = await feedback(checks.priya, 'wrong-person');
    expect(wrong.status).toBe(201);
    expect((await feedback(checks.priya, 'corrected', wrong.body.auditId)).status).toBe(201);
    expect((await feedback(checks.clarence, 'no-action')).status).toBe(201);
  });

  it("tracks the Windrush referral that Clarence's check put on the Home Office, until it confirms the referral", async () => {
    const listed = await asRole(gw, 'sro').get('/v1/obligations');
    const referral = listed.body.obligations.find((o: { decisionId: string }) => o.decisionId === checks.clarence);
    expect(referral).toMatchObject({
      kind: 'refer-to-windrush-taskforce',
      responsibleParty: 'home-office',
      agreementId,
      status: 'open',
    });
    const confirmed = await asRole(gw, 'ho-status-sharing').post(`/v1/obligations/${referral.id}/confirmation`, {});
    expect(confirmed.status).toBe(201);
  });
});

describe("rec 2f: a joint review with each party's sign-off", () => {
  it('is held with both parties and an improvement plan, and is joint once DWP signs off too', async () => {
    const held = await asRole(gw, 'sro').post(`${versions}/1.1/joint-reviews`, {
      heldOn: '2026-12-01',
      attendees: [
        { party: 'home-office', name: 'Head of Status Verification, Enquiries and Checking', role: 'Senior owner' },
        { party: 'dwp', name: 'DWP Head of Benefit Integrity', role: 'Senior owner' },
      ],
      findings: ['One of two checks answered after the 5-day SLA', 'One answer named the wrong person; corrected'],
      actions: [
        {
          description: 'Add the NINo to every check so that a wrong match cannot recur',
          owner: { party: 'dwp', name: 'DWP Head of Benefit Integrity' },
          dueOn: '2027-01-31',
        },
      ],
    });
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ joint: false, awaitingSignOff: ['home-office', 'dwp'] });
    reviewId = held.body.id;
    const signOff = (client: string, party: string) =>
      asRole(gw, client).post(`/v1/register/joint-reviews/${reviewId}/sign-offs`, {
        party,
        signatory: `Senior owner for ${party}`,
        signedOn: '2026-12-01',
      });
    expect((await signOff('sro', 'home-office')).body).toMatchObject({ joint: false, awaitingSignOff: ['dwp'] });
    const dwp = await signOff('dwp-benefits', 'dwp');
    expect(dwp.status).toBe(200);
    expect(dwp.body).toMatchObject({ joint: true, awaitingSignOff: [] });
    const version = await asRole(gw, 'sro').get(`${versions}/1.1`);
    expect(version.body.version.review).toMatchObject({ lastReviewedOn: '2026-12-01', nextReviewDue: '2027-06-01' });
  });
});

describe('rec 3: its measures show the SLA, accuracy and obligations', () => {
  it('GET /v1/measures/collaborations/{id}: one check within 5 days and one not, half accurate and corrected, the referral confirmed', async () => {
    const res = await asRole(gw, 'sro').get(
      `/v1/measures/collaborations/${collaborationId}?from=2026-11-01&to=2026-12-01`,
    );
    expect(res.status).toBe(200);
    const { figures } = res.body.measures;
    expect(figures).toMatchObject({ requests: 2, permitted: 2, windrushReferrals: 1 });
    expect(figures.sla).toMatchObject({ measured: 2, within: 1, breached: 1, shareWithin: 0.5, completionUnknown: 0 });
    expect(figures.accuracy).toEqual({ withFeedback: 2, inaccurate: 1, corrected: 1, rate: 0.5 });
    expect(figures.feedback.byOutcome).toMatchObject({ 'wrong-person': 1, corrected: 1, 'no-action': 1 });
    expect(res.body.obligations).toEqual({ open: 0, overdue: 0, confirmed: 1 });
    expect(res.body.measures.agreements.map((a: { agreementId: string }) => a.agreementId)).toEqual([agreementId]);
  });

  it('and the signals name its SLA breach, with no review or obligation overdue', async () => {
    const signals = (await asRole(gw, 'sro').get('/v1/measures/signals')).body.signals.filter(
      (s: { collaborationId: string }) => s.collaborationId === collaborationId,
    );
    expect(signals.map((s: { code: string }) => s.code)).toEqual(['sla-breached']);
    expect(signals[0].detail).toMatch(/1 of 2 dwp.status-check requests/);
  });
});
