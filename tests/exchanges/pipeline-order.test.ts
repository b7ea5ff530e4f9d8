// The pipeline's order (issue 11): the request alone is decided before anyone is looked up, the intent to look up
// is durable before the lookup, a failed lookup is audited with its auditId, and a caller that is not a party
// learns nothing derived from a record, not even whether one exists (domain.md, "Who may learn what"; ¶3.25).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchanges } from '../../gateway/exchanges/catalogue.ts';
import { sandboxClients } from '../../gateway/auth/sandbox-clients.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { auditEntry, caller, requestRuleOrder } from '../support/exchanges.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import {
  dwpStatusCheck,
  financialStatusShare,
  hmrcProactiveNotification,
  paths,
  rightfulRequest,
} from '../support/requests.ts';

const { offenderUnder30: ruan, turns30On2018_05_01: priya } = fixtures;
/** Someone the Home Office's records do not hold, with the same shape of particulars. */
const nobody = {
  ...ruan,
  forename: 'Nobody',
  surname: 'Unrecorded',
  dateOfBirth: '1999-09-09',
  nino: 'ZX999999D',
  immigration: { ...ruan.immigration, homeOfficeReference: 'HO-9999999' },
};

/** The answer with what differs between any two requests taken out: its ids. */
const withoutIds = (body: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(body).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>'));

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
});
afterAll(() => gw.close());

describe('a caller that is not a party learns nothing about the person', () => {
  const partners = sandboxClients.filter((c) => c.roles.includes('partner'));
  for (const def of exchanges) {
    it(`${def.id}: every client that may not ask is refused alike for someone in the records and someone not, and no one is looked up`, async () => {
      const path = paths[def.id as keyof typeof paths];
      let refusedClients = 0;
      for (const client of partners) {
        const as = caller(gw, client.id);
        const known = await as.post(path, rightfulRequest[def.id as keyof typeof paths](ruan));
        if (
          known.status !== 403 ||
          !requestRuleOrder.includes(
            known.body.decision.rules.find((r: { outcome: string }) => r.outcome === 'deny').id,
          )
        )
          continue;
        refusedClients += 1;
        const unknown = await as.post(path, rightfulRequest[def.id as keyof typeof paths](nobody));
        expect(unknown.status, client.id).toBe(403);
        expect(withoutIds(unknown.body), `${client.id} on ${def.id}`).toEqual(withoutIds(known.body));
        expect(known.body.decision.rules.map((r: { id: string }) => r.id)).toEqual(requestRuleOrder);
        // The DPO's entry: a decision made on the request alone, with no lookup before it.
        const { entry } = await auditEntry(gw, known.body.auditId);
        expect(entry.body.decision).toBe('deny');
        expect(entry.body.lookupId).toBeUndefined();
        if (def.lookup) expect(entry.body.stage).toBe('request');
      }
      expect(refusedClients).toBeGreaterThan(0);
    });
  }
});

describe("a party is told a subject rule's outcome, never what the record says", () => {
  it('a paused notification says "paused", not the age; the DPO reads the age', async () => {
    const res = await caller(gw, 'ho-status-sharing').post(
      paths['hmrc.proactive-notification'],
      hmrcProactiveNotification(priya),
    );
    expect(res.status).toBe(403);
    expect(JSON.stringify(res.body)).not.toMatch(/\b38\b|1988/);
    const { entry } = await auditEntry(gw, res.body.auditId);
    expect(JSON.stringify(entry.body.rules)).toMatch(/is 38 on 2026-11-23/);
    // The lookup came first, committed before the records were read, and the decision names it.
    const lookup = await auditEntry(gw, entry.body.lookupId);
    expect(lookup.entry.kind).toBe('lookup');
    expect(lookup.entry.seq).toBeLessThan(entry.seq);
    expect(lookup.entry.body.subjects).toEqual(entry.body.subjects);
  });
});

describe('a decision names what it was made on', () => {
  it("the register's revision and the version of the rules, on the decision and on its lookup", async () => {
    const res = await caller(gw, 'dwp-benefits').post(paths['dwp.status-check'], dwpStatusCheck(ruan, { nino: true }));
    expect(res.status).toBe(200);
    const { generation } = await gw.db('register_generation').where({ id: 1 }).first('generation');
    const { entry } = await auditEntry(gw, res.body.auditId);
    expect(entry.body.registerGeneration).toBe(Number(generation));
    expect(entry.body.policyVersion).toMatch(/^[0-9a-f]{16}$/);
    const lookup = await auditEntry(gw, entry.body.lookupId);
    expect(lookup.entry.body).toMatchObject({
      registerGeneration: Number(generation),
      policyVersion: entry.body.policyVersion,
    });
  });
});

describe('a lookup that fails', () => {
  let records: Awaited<ReturnType<typeof startFakePartner>>;
  let failing: TestGateway;
  beforeAll(async () => {
    records = await startFakePartner('slow');
    failing = await startTestGateway({ clock: fixedClock, homeOfficeUrl: records.url, upstreamTimeoutMs: 300 });
  });
  afterAll(async () => {
    await failing.close();
    await records.close();
  });

  for (const [behaviour, status, outcome] of [
    ['slow', 504, 'lookup-timeout'],
    ['garbage', 502, 'lookup-failed'],
    ['server-error', 502, 'lookup-failed'],
  ] as const) {
    it(`${behaviour}: ${status}, with the lookup's auditId, its intent and a ${outcome} outcome in the log`, async () => {
      records.behave(behaviour);
      const res = await caller(failing, 'dwp-benefits').post(
        paths['dwp.status-check'],
        dwpStatusCheck(ruan, { nino: true }),
      );
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.auditId).toMatch(/^[0-9a-f-]{36}$/);
      const audit = await auditEntry(failing, res.body.auditId);
      expect(audit.entry.kind).toBe('lookup');
      expect(audit.outcomes.map((o) => o.body)).toEqual([
        expect.objectContaining({ decisionId: res.body.auditId, outcome, fieldsDisclosed: [] }),
      ]);
      expect(res.body.result).toBeUndefined();
    });
  }

  it('is not made at all for a caller that is not a party', async () => {
    const before = records.calls();
    const res = await caller(failing, 'guys-ovm').post(paths['financial.status-share'], financialStatusShare(ruan));
    expect(res.status).toBe(403);
    expect(records.calls()).toBe(before);
  });
});

describe("a partner's answer is bounded", () => {
  let dfe: Awaited<ReturnType<typeof startFakePartner>>;
  let bounded: TestGateway;
  beforeAll(async () => {
    dfe = await startFakePartner('endless');
    bounded = await startTestGateway({ clock: fixedClock, dfeUrl: dfe.url, upstreamTimeoutMs: 20_000 });
  });
  afterAll(async () => {
    await bounded.close();
    await dfe.close();
  });

  it('a 300 MB answer is cut off past 1 MiB: 502, the outcome logged, and the ids forwarded', async () => {
    const res = await bounded.http
      .post(paths['dfe.child-trace'])
      .set('authorization', `Bearer ${await bounded.token('ie-removals-casework')}`)
      .set('x-request-id', 'caller-Amara-Okonkwo-1')
      .send(childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }));
    expect(res.status).toBe(502);
    expect(res.body.detail).toMatch(/more than 1048576 bytes/);
    const audit = await auditEntry(bounded, res.body.auditId);
    expect(audit.outcomes.map((o) => o.body.outcome)).toEqual(['upstream-error']);
    // The partner hears both ids; the log keeps the gateway's own and only a keyed hash of the caller's.
    expect(dfe.lastHeaders()['x-caller-request-id']).toBe('caller-Amara-Okonkwo-1');
    expect(dfe.lastHeaders()['x-request-id']).toBe(res.headers['x-gateway-request-id']);
    expect(audit.entry.body.requestId).toBe(res.headers['x-gateway-request-id']);
    const stored = await bounded.db('audit_log').select('body_canonical');
    expect(stored.map((r) => r.body_canonical).join('\n')).not.toContain('Amara-Okonkwo');
    expect(bounded.logs()).not.toContain('Amara-Okonkwo');
  });
});

describe("one caller's bad request never fails another's", () => {
  it('refuses a day the database cannot hold at validation: 400, naming the field', async () => {
    const dpo = await gw.token('dpo');
    const res = await gw.http
      .post('/v1/decisions')
      .set('authorization', `Bearer ${dpo}`)
      .send({ exchange: 'dwp.status-check', party: 'dwp', asOf: '0000-01-01', request: dwpStatusCheck(ruan) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'asOf', message: 'must be a day from 1800-01-01 to 2999-12-31, as YYYY-MM-DD' },
    ]);
    const born = await caller(gw, 'dwp-benefits').post(
      paths['dwp.status-check'],
      dwpStatusCheck({ ...ruan, dateOfBirth: '0000-01-01' }),
    );
    expect(born.status).toBe(400);
    expect(born.body.errors[0].field).toBe('subject.dateOfBirth');
  });

  it('answers every good request while poison requests are mixed in', async () => {
    const dwp = caller(gw, 'dwp-benefits');
    const dpo = await gw.token('dpo');
    const poison = () =>
      gw.http
        .post('/v1/decisions')
        .set('authorization', `Bearer ${dpo}`)
        .send({ exchange: 'dwp.status-check', party: 'dwp', asOf: '0000-01-01', request: dwpStatusCheck(ruan) });
    const nul = () => dwp.post(paths['dwp.status-check'], { ...dwpStatusCheck(ruan), caseReference: 'CASE\u0000NUL' });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        i % 3 === 0
          ? poison()
          : i % 3 === 1
            ? nul()
            : dwp.post(paths['dwp.status-check'], dwpStatusCheck(ruan, { nino: true })),
      ),
    );
    const good = results.filter((_, i) => i % 3 === 2);
    expect(good.map((r) => r.status)).toEqual(good.map(() => 200));
    for (const bad of results.filter((_, i) => i % 3 !== 2)) expect(bad.status).toBeLessThan(500);
  });
});
