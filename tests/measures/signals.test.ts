// Signals an SRO acts on: a weekly feed that went silent (¶6.136: 4 months of missing uploads went unnoticed),
// SLA breaches (¶6.60), a cap near its limit (¶6.112), a review overdue (¶6.140), a directive about to lapse (¶5.43).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakePartner } from '../support/fake-partner.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { asRole, collaborationBody, termsBody } from '../support/register.ts';
import { send } from './workload.ts';

let now = new Date('2026-11-02T10:00:00Z');
let gw: TestGateway;
let partner: Awaited<ReturnType<typeof startFakePartner>>;

const signals = async () => {
  const res = await gw.http.get('/v1/measures/signals').set('authorization', `Bearer ${await gw.token('sro')}`);
  expect(res.status).toBe(200);
  return res.body.signals as {
    code: string;
    severity: string;
    collaborationId: string | null;
    agreementId: string | null;
    directiveId: string | null;
    detail: string;
  }[];
};
const at = (iso: string) => {
  now = new Date(iso);
};

beforeAll(async () => {
  // DfE answers too slowly for the gateway's deadline: every trace times out after 400 ms.
  partner = await startFakePartner('slow');
  gw = await startTestGateway({ clock: () => now, dfeUrl: partner.url, upstreamTimeoutMs: 400 });
  const admin = asRole(gw, 'registry-admin');
  // A tracing agreement with a turnaround of 0.36 seconds and a cap of 5 a month.
  expect((await admin.post('/v1/register/collaborations', collaborationBody('test-fast-tracing'))).status).toBe(201);
  expect(
    (
      await admin.post('/v1/register/agreements', {
        id: 'test-fast-mou',
        collaborationId: 'test-fast-tracing',
        kind: 'mou',
        title: 'Fast tracing MoU',
      })
    ).status,
  ).toBe(201);
  const terms = termsBody('test-fast-mou', '1.0', {
    inForceFrom: '2026-11-01',
    legalBases: [{ code: 'dpa-1998-s29-3', statute: 'Data Protection Act 1998', section: 's.29(3)' }],
    exchanges: [
      {
        exchange: 'dfe.child-trace',
        requesters: ['home-office-ie'],
        responder: 'dfe',
        requestFields: [
          'subject.forename',
          'subject.surname',
          'subject.dateOfBirth',
          'subject.postcode',
          'grounds.parentBelievedImmigrationOffender',
        ],
        responseFields: ['match', 'addresses'],
      },
    ],
    measures: [
      { code: 'turnaround', description: 'Within 0.36 seconds', slaHours: 0.0001, exchanges: ['dfe.child-trace'] },
      { code: 'monthly-cap', description: 'At most 5 a month', monthlyCap: 5, exchanges: ['dfe.child-trace'] },
    ],
  });
  expect((await admin.post('/v1/register/agreements/test-fast-mou/versions', terms)).status).toBe(201);
  for (const party of ['home-office-ie', 'dfe']) {
    expect(
      (
        await admin.post('/v1/register/agreements/test-fast-mou/versions/1.0/signatures', {
          party,
          signatory: 'Director',
          signedOn: '2026-11-01',
        })
      ).status,
    ).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await gw.close();
  await partner.close();
});

describe('a feed that stopped (¶6.136)', () => {
  it('stays quiet while the weekly free-school-meals validations keep coming', async () => {
    for (const day of ['2026-11-02', '2026-11-09']) {
      at(`${day}T10:00:00Z`);
      expect((await send(gw, 'fsm-check', day)).decision).toBe('permit');
    }
    at('2026-11-18T10:00:00Z');
    expect(
      (await signals()).filter((s) => s.code === 'feed-stopped' && s.collaborationId === 'ho-dfe-free-school-meals'),
    ).toEqual([]);
  });

  it('says so once two whole weeks have passed with none', async () => {
    at('2026-11-25T10:00:00Z'); // the week of 16 November passed silent: one week, not yet a signal
    expect(
      (await signals()).some((s) => s.code === 'feed-stopped' && s.collaborationId === 'ho-dfe-free-school-meals'),
    ).toBe(false);
    at('2026-12-02T10:00:00Z'); // the weeks of 16 and 23 November: two
    const stopped = (await signals()).find(
      (s) => s.code === 'feed-stopped' && s.collaborationId === 'ho-dfe-free-school-meals',
    );
    expect(stopped).toMatchObject({ severity: 'urgent', agreementId: 'ho-dfe-fsm-process-mou' });
    expect(stopped!.detail).toContain('2 whole weeks');
    expect(stopped!.detail).toContain('last seen 2026-11-09');
  });

  it('clears when the feed resumes', async () => {
    expect((await send(gw, 'fsm-check', '2026-12-02')).decision).toBe('permit');
    expect(
      (await signals()).some((s) => s.code === 'feed-stopped' && s.collaborationId === 'ho-dfe-free-school-meals'),
    ).toBe(false);
  });
});

describe('SLA breaches and caps', () => {
  it("flags responses that missed the agreement's SLA, and a cap at 80%", async () => {
    at('2026-12-03T10:00:00Z');
    const ie = await gw.token('ie-removals-casework');
    const body = {
      agreementId: 'test-fast-mou',
      purpose: 'trace-child-of-immigration-offender',
      legalBasis: 'dpa-1998-s29-3',
      caseReference: 'IE-RC-2026-0099',
      grounds: { parentBelievedImmigrationOffender: true },
      subject: { forename: 'Test', surname: 'Child', dateOfBirth: '2016-01-01', postcode: 'LS6 2AB' },
    };
    const auditIds: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const res = await gw.http.post('/v1/exchanges/dfe/child-trace').set('authorization', `Bearer ${ie}`).send(body);
      expect(res.status).toBe(504); // permitted, then DfE too slow for the gateway's deadline
      auditIds.push(res.body.auditId);
    }
    // Until DfE says when it completed the traces, the SLA is unknown, not missed and not met.
    expect((await signals()).some((s) => s.code === 'sla-breached' && s.agreementId === 'test-fast-mou')).toBe(false);
    // DfE's back office completed each a minute later: past the 0.36-second SLA.
    at('2026-12-03T10:05:00Z');
    const dfe = await gw.token('dfe-pupil-data');
    for (const auditId of auditIds) {
      const done = await gw.http
        .post('/v1/completions')
        .set('authorization', `Bearer ${dfe}`)
        .send({ auditId, work: 'trace-answered', completedAt: '2026-12-03T10:01:00Z' });
      expect(done.status).toBe(201);
    }
    const list = await signals();
    const breach = list.find((s) => s.code === 'sla-breached' && s.agreementId === 'test-fast-mou');
    expect(breach).toMatchObject({ severity: 'urgent', collaborationId: 'test-fast-tracing' });
    expect(breach!.detail).toContain('4 of 4');
    const cap = list.find((s) => s.agreementId === 'test-fast-mou' && s.code.startsWith('cap-'));
    expect(cap).toMatchObject({ code: 'cap-near-limit', severity: 'warning' });
    expect(cap!.detail).toContain('4 of the 5 allowed in 2026-12');
    // The fifth reaches the cap.
    await gw.http.post('/v1/exchanges/dfe/child-trace').set('authorization', `Bearer ${ie}`).send(body);
    expect((await signals()).find((s) => s.agreementId === 'test-fast-mou' && s.code.startsWith('cap-'))).toMatchObject(
      { code: 'cap-reached', severity: 'urgent' },
    );
  });
});

describe('reviews and directives', () => {
  it('flags a joint review long overdue (child tracing, due October 2017)', async () => {
    const overdue = (await signals()).find(
      (s) => s.code === 'review-overdue' && s.agreementId === 'ie-dfe-child-tracing-mou',
    );
    expect(overdue).toMatchObject({ severity: 'urgent', collaborationId: 'ie-dfe-child-tracing' });
    expect(overdue!.detail).toContain('2017-10-01');
  });

  it('flags a directive that lapses within 30 days, and stops when it is extended open-ended', async () => {
    const admin = asRole(gw, 'registry-admin');
    expect(
      (
        await admin.post('/v1/register/directives/windrush-pause-2018/end', {
          action: 'lift',
          effectiveTo: '2026-12-20',
        })
      ).status,
    ).toBe(200);
    const lapsing = (await signals()).find((s) => s.code === 'directive-lapsing');
    expect(lapsing).toMatchObject({ directiveId: 'windrush-pause-2018', severity: 'warning' });
    expect(lapsing!.detail).toContain('2026-12-20 (17 days left)');
    expect(
      (await admin.post('/v1/register/directives/windrush-pause-2018/end', { action: 'extend', effectiveTo: null }))
        .status,
    ).toBe(200);
    expect((await signals()).some((s) => s.code === 'directive-lapsing')).toBe(false);
  });

  it('puts the urgent first', async () => {
    const list = await signals();
    const firstWarning = list.findIndex((s) => s.severity === 'warning');
    expect(list.slice(firstWarning === -1 ? list.length : firstWarning).every((s) => s.severity === 'warning')).toBe(
      true,
    );
    expect(list[0]!.severity).toBe('urgent');
  });

  it('is for SROs and DPOs only', async () => {
    expect(
      (await gw.http.get('/v1/measures/signals').set('authorization', `Bearer ${await gw.token('dfe-pupil-data')}`))
        .status,
    ).toBe(403);
    expect((await gw.http.get('/v1/measures/signals')).status).toBe(401);
  });
});
