// Reported measures (rec 3): operations outside the gateway leave no trace in its log, so their figures were nowhere.
// Project WALKS: "503 cases were referred to IE officers by DWP staff. Of these, 15 were of interest to IE" (¶6.19).
// Operation DINTEL's 6-month review: 425 cases reviewed (¶6.180). An SRO records them with their source.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { fixedClock } from '../support/child-trace.ts';

let gw: TestGateway;
const walks = {
  collaborationId: 'ie-dwp-project-walks',
  measure: 'referrals',
  periodFrom: '2016-06-01',
  periodTo: '2016-07-31',
  value: 503,
  source: 'ICIBI report on collaborative working, ¶6.19',
};

const record = async (client: string | null, body: object, key?: string) => {
  const req = gw.http.post('/v1/measures/reported');
  if (client) req.set('authorization', `Bearer ${await gw.token(client)}`);
  if (key !== undefined) req.set('idempotency-key', key);
  return req.send(body);
};
const collaboration = async (id: string, from: string, to: string) =>
  gw.http
    .get(`/v1/measures/collaborations/${id}?from=${from}&to=${to}`)
    .set('authorization', `Bearer ${await gw.token('dpo')}`);

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
});
afterAll(() => gw.close());

describe('an SRO records figures for an operation outside the gateway', () => {
  it("records Project WALKS's referrals with their source, by whom and when (the database's clock), audited", async () => {
    const before = new Date();
    const res = await record('sro', walks);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ ...walks, basis: 'reported', recordedBy: 'sro', party: 'home-office' });
    expect(Date.parse(res.body.recordedAt)).toBeGreaterThanOrEqual(before.getTime() - 60_000);
    const entry = await gw.http
      .get(`/v1/audit/entries/${res.body.auditId}`)
      .set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(entry.body.entry).toMatchObject({
      kind: 'register-change',
      body: {
        action: 'record-reported-measure',
        actor: 'sro',
        target: 'collaboration/ie-dwp-project-walks',
        after: { id: res.body.id, value: 503 },
      },
    });
    expect((await record('sro', { ...walks, measure: 'of-interest', value: 15 })).status).toBe(201);
  });

  it("shows them beside the gateway's own measures for a window that overlaps their period, marked reported", async () => {
    const res = await collaboration('ie-dwp-project-walks', '2016-07-01', '2016-09-30');
    expect(res.status).toBe(200);
    expect(res.body.measures.figures.requests).toBe(0); // the gateway saw none of it
    expect(
      res.body.reported.map((r: { measure: string; value: number; basis: string }) => [r.measure, r.value, r.basis]),
    ).toEqual([
      ['referrals', 503, 'reported'],
      ['of-interest', 15, 'reported'],
    ]);
    expect((await collaboration('ie-dwp-project-walks', '2017-01-01', '2017-03-31')).body.reported).toEqual([]);
    expect((await collaboration('ie-operation-dintel', '2016-07-01', '2016-09-30')).body.reported).toEqual([]);
  });

  it('keeps them append-only in the database: an update or a delete is refused', async () => {
    await expect(gw.db('reported_measures').update({ value: 1 })).rejects.toThrow(/append-only/);
    await expect(gw.db('reported_measures').delete()).rejects.toThrow(/append-only/);
    expect(
      (await gw.db('reported_measures').select('value')).map((r) => Number(r.value)).sort((a, b) => a - b),
    ).toEqual([15, 503]);
  });
});

describe('figures that cannot stand', () => {
  it('refuses a period that ends before it starts, a negative value, free fields and a missing source (400), writing nothing', async () => {
    const count = async () => Number((await gw.db('reported_measures').count({ n: '*' }).first())!.n);
    const before = await count();
    for (const body of [
      { ...walks, periodFrom: '2016-08-01', periodTo: '2016-07-31' },
      { ...walks, value: -1 },
      { ...walks, note: 'extra' },
      { ...walks, source: '' },
      { ...walks, periodTo: 'July' },
    ])
      expect((await record('sro', body)).status, JSON.stringify(body)).toBe(400);
    expect(await count()).toBe(before);
  });

  it('refuses a collaboration the register does not hold (404)', async () => {
    expect((await record('sro', { ...walks, collaborationId: 'no-such-operation' })).status).toBe(404);
  });

  it('is for an SRO: no token 401, any other role 403', async () => {
    expect((await record(null, walks)).status).toBe(401);
    for (const client of ['dpo', 'registry-admin', 'dwp-benefits'])
      expect((await record(client, walks)).status, client).toBe(403);
  });
});

describe('a figure sent again with the same Idempotency-Key', () => {
  // Operation DINTEL's review (¶6.180), recorded once however often a timed-out request is sent again.
  const dintel = {
    collaborationId: 'ie-operation-dintel',
    measure: 'cases-reviewed',
    periodFrom: '2016-01-01',
    periodTo: '2016-06-30',
    value: 425,
    source: 'ICIBI report on collaborative working, ¶6.180',
  };
  const kept = async () =>
    (await gw.db('reported_measures').where({ collaboration_id: dintel.collaborationId })).length;

  it('gets the first answer again and records the figure once', async () => {
    const key = randomUUID();
    const first = await record('sro', dintel, key);
    expect(first.status).toBe(201);
    const retry = await record('sro', dintel, key);
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await kept()).toBe(1);
  });

  it('is 422 with another figure, which is not recorded', async () => {
    const key = randomUUID();
    expect((await record('sro', { ...dintel, periodFrom: '2016-07-01', periodTo: '2016-12-31' }, key)).status).toBe(
      201,
    );
    const other = await record('sro', { ...dintel, periodFrom: '2016-07-01', periodTo: '2016-12-31', value: 1 }, key);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('unprocessable');
    expect(await kept()).toBe(2);
  });
});
