// Step 4: the decision is committed before anything is forwarded; if it cannot be, nothing goes upstream.
// The log refuses UPDATE, DELETE and TRUNCATE in the database itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { entryHash } from '../../audit/entry-hash.ts';
import { toEntry } from '../../audit/read.ts';

let gw: TestGateway;
let partner: Awaited<ReturnType<typeof startFakePartner>>;
const child = { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' };

beforeAll(async () => {
  partner = await startFakePartner('no-match');
  gw = await startTestGateway({ clock: fixedClock, dfeUrl: partner.url });
});
afterAll(async () => {
  await gw.close();
  await partner.close();
});

const trace = async () =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
    .send(childTraceRequest(child));

describe('the audit log is append-only in the database', () => {
  it.each([
    ['UPDATE', `update audit_log set kind = 'outcome'`],
    ['DELETE', 'delete from audit_log'],
    ['TRUNCATE', 'truncate audit_log'],
  ])('refuses %s', async (_op, sql) => {
    await trace();
    const before = await gw.db('audit_log').count<{ count: string }[]>({ count: '*' }).first();
    await expect(gw.db.raw(sql)).rejects.toThrow(/append-only/);
    const after = await gw.db('audit_log').count<{ count: string }[]>({ count: '*' }).first();
    expect(Number(after!.count)).toBe(Number(before!.count));
  });

  it('chains each entry to the one before by its hash', async () => {
    await trace();
    const entries = (await gw.db('audit_log').orderBy('seq')).map(toEntry);
    expect(entries.length).toBeGreaterThan(2);
    entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.hash).toBe(entryHash(entry));
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]!.hash);
    });
  });
});

describe('fail closed', () => {
  it('sends nothing upstream and answers 503 when the decision cannot be recorded', async () => {
    const callsBefore = partner.calls();
    await gw.db.raw('alter table audit_log rename to audit_log_unavailable');
    try {
      const res = await trace();
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('audit-unavailable');
      expect(res.body.result).toBeUndefined();
      expect(partner.calls()).toBe(callsBefore);
    } finally {
      await gw.db.raw('alter table audit_log_unavailable rename to audit_log');
    }
    expect((await trace()).status).toBe(200);
    expect(partner.calls()).toBe(callsBefore + 1);
  });
});
