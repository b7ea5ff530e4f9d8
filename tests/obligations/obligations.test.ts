// Obligations on decisions tracked to confirmation. ¶3.24: where the subject has a Windrush profile the Home Office
// refers the case to the Windrush Taskforce; nobody confirmed it was done. ¶5.31: "the law required that patients
// should be clearly informed that their debts have been recorded ... this needed to be assured in every case."
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { debtorReturn, paths } from '../support/requests.ts';
import { send, type Sent } from '../measures/workload.ts';

let gw: TestGateway;
let now = new Date('2026-11-23T12:00:00Z');
let referral: Sent;
let debtorId: string;

const as = async (client: string) => `Bearer ${await gw.token(client)}`;
const list = async (client: string, status?: string) =>
  gw.http.get(`/v1/obligations${status ? `?status=${status}` : ''}`).set('authorization', await as(client));
const confirm = async (client: string | null, id: string) => {
  const req = gw.http.post(`/v1/obligations/${id}/confirmation`);
  if (client) req.set('authorization', await as(client));
  return req.send({});
};
const referralId = () => `refer-to-windrush-taskforce.${referral.auditId}`;
const informId = () => `inform-patient-of-debt-report.${debtorId}`;

beforeAll(async () => {
  gw = await startTestGateway({ clock: () => now });
  referral = await send(gw, 'dwp-check-windrush', '2026-11-23');
  const debt = await gw.http
    .post(paths['nhs.debtor-return'])
    .set('authorization', await as('guys-ovm'))
    .send(debtorReturn(fixtures.nonEeaDebtor, { amountPence: 65_000, invoicedOn: '2026-08-23' }));
  expect(debt.status).toBe(200);
  debtorId = debt.body.auditId;
});
afterAll(() => gw.close());

describe('obligations arise from what the log records', () => {
  it('lists a Windrush referral for the Home Office and telling the patient for the Trust, due in 10 working days', async () => {
    const res = await list('sro');
    expect(res.status).toBe(200);
    expect(res.body.obligations).toEqual([
      expect.objectContaining({
        id: referralId(),
        kind: 'refer-to-windrush-taskforce',
        decisionId: referral.auditId,
        exchange: 'dwp.status-check',
        responsibleParty: 'home-office',
        arose: '2026-11-23',
        due: '2026-12-07',
        status: 'open',
        confirmation: null,
      }),
      expect.objectContaining({
        id: informId(),
        kind: 'inform-patient-of-debt-report',
        exchange: 'nhs.debtor-return',
        responsibleParty: 'nhs-trust-guys-st-thomas',
        due: '2026-12-07',
        status: 'open',
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(
      new RegExp(`${fixtures.nonEeaDebtor.surname}|${fixtures.windrushElder.surname}`),
    );
    expect((await list('dpo', 'open')).body.obligations).toHaveLength(2);
  });

  it('raises no obligation for an exchange that was refused', async () => {
    const refused = await gw.http
      .post(paths['nhs.debtor-return'])
      .set('authorization', await as('guys-ovm'))
      .send(debtorReturn(fixtures.eeaDebtor, { amountPence: 80_000, invoicedOn: '2026-07-23' }));
    expect(refused.status).toBe(403);
    expect((await list('sro')).body.obligations.map((o: { decisionId: string }) => o.decisionId)).not.toContain(
      refused.body.auditId,
    );
  });
});

describe('overdue obligations', () => {
  it('are open on the due day and overdue the day after, with an urgent signal for the SRO', async () => {
    now = new Date('2026-12-07T12:00:00Z');
    expect((await list('sro', 'overdue')).body.obligations).toEqual([]);
    now = new Date('2026-12-08T12:00:00Z');
    expect((await list('sro', 'overdue')).body.obligations.map((o: { id: string }) => o.id)).toEqual([
      referralId(),
      informId(),
    ]);
    const signals = (
      await gw.http.get('/v1/measures/signals').set('authorization', await as('sro'))
    ).body.signals.filter((s: { code: string }) => s.code === 'obligation-overdue');
    expect(signals).toHaveLength(2);
    const dwp = await gw.http
      .get(`/v1/measures/collaborations/${signals[0].collaborationId}`)
      .set('authorization', await as('sro'));
    expect(dwp.body.obligations).toEqual({ open: 0, overdue: 1, confirmed: 0 });
    expect(signals[0]).toMatchObject({ severity: 'urgent', collaborationId: expect.any(String) });
    expect(signals.map((s: { detail: string }) => s.detail).join(' ')).toMatch(
      /Windrush Taskforce.*due from home-office on 2026-12-07/,
    );
  });
});

describe('confirming an obligation', () => {
  it('is for the responsible party only: anyone else is told there is no such obligation (404)', async () => {
    for (const client of ['guys-ovm', 'dwp-benefits'])
      expect((await confirm(client, referralId())).status, client).toBe(404);
    for (const client of ['ho-status-sharing', 'sro', 'dwp-benefits'])
      expect((await confirm(client, informId())).status, client).toBe(404);
  });

  it("records the Trust's confirmation as an audit entry linked to the decision, once", async () => {
    const res = await confirm('guys-ovm', informId());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: informId(),
      status: 'confirmed',
      confirmation: { party: 'nhs-trust-guys-st-thomas', clientId: 'guys-ovm' },
    });
    const read = await gw.http.get(`/v1/audit/entries/${debtorId}`).set('authorization', await as('dpo'));
    const linked = read.body.outcomes.find((e: { kind: string }) => e.kind === 'obligation-confirmation');
    expect(linked).toMatchObject({
      id: res.body.confirmation.auditId,
      body: { obligationId: informId(), decisionId: debtorId, due: '2026-12-07', late: true },
    });
    const again = await confirm('guys-ovm', informId());
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
    expect(
      Number((await gw.db('audit_log').where({ kind: 'obligation-confirmation' }).count({ n: '*' }).first())!.n),
    ).toBe(1);
  });

  it("lets the Home Office's SRO confirm the referral, and then nothing is overdue", async () => {
    expect((await confirm('sro', referralId())).status).toBe(201);
    expect((await list('sro', 'overdue')).body.obligations).toEqual([]);
    expect((await list('dpo', 'confirmed')).body.obligations).toHaveLength(2);
    const signals = (await gw.http.get('/v1/measures/signals').set('authorization', await as('sro'))).body.signals;
    expect(signals.filter((s: { code: string }) => s.code === 'obligation-overdue')).toEqual([]);
  });

  it('keeps the chain verifiable with confirmations in it', async () => {
    const res = await gw.http.get('/v1/audit/verification').set('authorization', await as('dpo'));
    expect(res.body.ok).toBe(true);
  });
});

describe('who may list and confirm', () => {
  it('needs a token (401), the right role (403), a real obligation (404) and a known status (400)', async () => {
    expect((await gw.http.get('/v1/obligations')).status).toBe(401);
    expect((await confirm(null, informId())).status).toBe(401);
    for (const client of ['registry-admin', 'guys-ovm']) expect((await list(client)).status, client).toBe(403);
    for (const client of ['dpo', 'registry-admin'])
      expect((await confirm(client, informId())).status, client).toBe(403);
    expect(
      (await confirm('guys-ovm', 'inform-patient-of-debt-report.00000000-0000-4000-8000-000000000000')).status,
    ).toBe(404);
    expect((await confirm('guys-ovm', 'no-such-duty.00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await list('sro', 'bogus')).status).toBe(400);
    const withText = await gw.http
      .post(`/v1/obligations/${informId()}/confirmation`)
      .set('authorization', await as('guys-ovm'))
      .send({ note: 'told Jordan at 3 Leeds Road' });
    expect(withText.status).toBe(400);
    expect(withText.text).not.toMatch(/Jordan|Leeds Road/);
  });
});
