// A broken chain raises an alert (issue 15: "the gateway stayed ready after a superuser edit"). An insider with
// superuser rights switches the append-only trigger off and edits the log. The next check that reads the edited
// entry (the checkpointer, or a DPO's verification of the whole log) finds it; from then on, on every gateway
// process: exchanges are refused (fail closed), readiness says the chain is broken, the DPO and SRO get an urgent
// signal, and /metrics reads gateway_audit_chain_verified 0 with a failure counted. Only a verification of the whole
// log that passes, once the log is restored, clears it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChainHealth } from '../../audit/chain-health.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { childTracePath, childTraceRequest, currentPostcode, fixedClock } from '../support/child-trace.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { send } from '../measures/workload.ts';

let gw: TestGateway;
const amara = fixtures.traceableChild;

const ready = async () => {
  const res = await gw.http.get('/ready');
  expect(res.status).toBe(200);
  return res.body.auditChain as { status: string; exchanges: string; firstBadSeq?: number | null };
};
const metric = async (line: string) => {
  const text = (await gw.http.get('/metrics').set('authorization', `Bearer ${gw.config.metricsToken}`)).text;
  return Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${line} `))
      ?.split(' ')[1] ?? NaN,
  );
};
const signals = async () =>
  (await gw.http.get('/v1/measures/signals').set('authorization', `Bearer ${await gw.token('dpo')}`)).body.signals as {
    code: string;
    severity: string;
    detail: string;
  }[];
const trace = async () =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
    .send(childTraceRequest({ ...amara, postcode: currentPostcode(amara) }));
const verify = async () =>
  (await gw.http.get('/v1/audit/verification').set('authorization', `Bearer ${await gw.token('dpo')}`)).body as {
    ok: boolean;
    firstBad?: { seq: number };
  };
const head = async () => Number((await gw.db('audit_log').max({ m: 'seq' }).first())!.m);
const receipt = async (auditId: string) =>
  gw.http.get(`/v1/audit/receipts/${auditId}`).set('authorization', `Bearer ${await gw.token('dpo')}`);

/** As a superuser: the append-only trigger off, one entry's hashed text changed, the trigger back on. */
async function superuserEdit(seq: number, from: string, to: string) {
  await gw.db.raw('alter table audit_log disable trigger user');
  try {
    const { rowCount } = (await gw.db.raw(
      'update audit_log set body_canonical = replace(body_canonical, ?, ?) where seq = ?',
      [from, to, seq],
    )) as { rowCount: number };
    expect(rowCount).toBe(1);
  } finally {
    await gw.db.raw('alter table audit_log enable trigger user');
  }
}

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  for (const name of ['trace-matched', 'trace-nationality', 'fsm-check']) await send(gw, name, '2026-11-23');
}, 60_000);
afterAll(() => gw.close());

describe('an untouched log', () => {
  it('is ready, serves exchanges, and reads verified with no failure counted', async () => {
    expect(await ready()).toEqual({ status: 'not-broken', exchanges: 'served' });
    expect(await metric('gateway_audit_chain_verified')).toBe(1);
    expect(await metric('gateway_audit_chain_verification_failures_total{source="checkpointer"}')).toBe(0);
    expect((await signals()).some((s) => s.code === 'audit-chain-broken')).toBe(false);
  });
});

describe('a superuser edit of an entry not yet checkpointed, found by the checkpointer', () => {
  let edited: number;

  it('is found when the checkpointer next runs, and every exchange is refused with nothing shared', async () => {
    const refused = await send(gw, 'trace-nationality', '2026-11-23');
    edited = Number((await gw.db('audit_log').where({ id: refused.auditId }).first('seq')).seq);
    // The refusal rewritten as a permit, as someone covering a disclosure might.
    await superuserEdit(edited, '"decision":"deny"', '"decision":"permit"');
    // A receipt needs a checkpoint over the entry: the checkpointer runs, re-checks the entries since the last one, and refuses to sign.
    expect((await receipt(refused.auditId)).status).toBe(503);
    await expect.poll(async () => (await ready()).status).toBe('broken');
    expect(await ready()).toMatchObject({ status: 'broken', firstBadSeq: edited, exchanges: 'refused' });

    const before = await head();
    const res = await trace();
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({ code: 'audit-unavailable' });
    expect(res.body.detail).toContain(`from entry ${edited}`);
    expect(res.body.detail).toContain('Nothing was shared');
    expect(await head()).toBe(before);
  });

  it('alerts: an urgent signal first in the list, the gauge at 0 and the failure counted', async () => {
    const list = await signals();
    expect(list[0]).toMatchObject({ code: 'audit-chain-broken', severity: 'urgent' });
    expect(list[0]!.detail).toContain(`entry ${edited}`);
    expect(list[0]!.detail).toContain('Exchanges are refused');
    expect(await metric('gateway_audit_chain_verified')).toBe(0);
    expect(
      await metric('gateway_audit_chain_verification_failures_total{source="checkpointer"}'),
    ).toBeGreaterThanOrEqual(1);
  });

  it('is known to every gateway process on the database, not only the one that found it', async () => {
    const another = createChainHealth(gw.db);
    expect(another.current().status).toBe('not-broken'); // before it reads
    expect(await another.refresh()).toMatchObject({ status: 'broken', firstBadSeq: edited, source: 'checkpointer' });
  });

  it('still lets a dry run answer, since it discloses nothing', async () => {
    const res = await gw.http
      .post('/v1/decisions')
      .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
      .send({
        exchange: 'dfe.child-trace',
        request: childTraceRequest({ ...amara, postcode: currentPostcode(amara) }),
      });
    expect(res.status).toBe(200);
  });

  it('is not cleared by a verification that fails too; it is cleared by one that passes once the log is restored', async () => {
    expect(await verify()).toMatchObject({ ok: false, firstBad: { seq: edited } });
    expect(await metric('gateway_audit_chain_verification_failures_total{source="verification"}')).toBe(1);
    expect((await ready()).status).toBe('broken');
    await superuserEdit(edited, '"decision":"permit"', '"decision":"deny"');
    expect((await trace()).status).toBe(503); // restoring is not enough: a DPO must verify
    expect(await verify()).toMatchObject({ ok: true });
    expect(await ready()).toEqual({ status: 'not-broken', exchanges: 'served' });
    expect(await metric('gateway_audit_chain_verified')).toBe(1);
    expect((await signals()).some((s) => s.code === 'audit-chain-broken')).toBe(false);
    expect((await trace()).status).toBe(200);
  });
});

describe('a superuser edit of an entry a checkpoint already covers', () => {
  it("is found by the DPO's verification of the whole log, which raises the same alert", async () => {
    expect((await trace()).status).toBe(200);
    const permitted = await send(gw, 'trace-matched', '2026-11-23');
    expect((await receipt(permitted.auditId)).status).toBe(200); // signed over
    const seq = Number((await gw.db('audit_log').where({ id: permitted.auditId }).first('seq')).seq);
    await superuserEdit(seq, '"party":"home-office-ie"', '"party":"hmrc"');
    expect((await ready()).status).toBe('not-broken'); // nothing has read the entry since
    expect(await verify()).toMatchObject({ ok: false });
    expect(await ready()).toMatchObject({ status: 'broken', exchanges: 'refused' });
    expect((await trace()).status).toBe(503);
    // The audit trail of the checks themselves is append-only too.
    await expect(gw.db('audit_chain_checks').del()).rejects.toThrow(/append-only/);
    await superuserEdit(seq, '"party":"hmrc"', '"party":"home-office-ie"');
    expect(await verify()).toMatchObject({ ok: true });
    expect((await trace()).status).toBe(200);
  });
});
