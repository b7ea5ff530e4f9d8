// Every decision can be replayed (issue 12): the policy run again on the facts sealed into its entry and the register
// as it was known when it was made gives the same answer, for all 14 exchanges, permits and refusals alike, and
// a party may replay its own decisions (reading what it was told) but not another's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxClients } from '../../gateway/auth/sandbox-clients.ts';
import { exchanges } from '../../gateway/exchanges/catalogue.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { fixedClock } from '../support/child-trace.ts';
import { caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { dwpStatusCheck, hmrcProactiveNotification, paths, rightfulRequest } from '../support/requests.ts';

const { offenderUnder30: ruan, turns30On2018_05_01: priya } = fixtures;

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
});
afterAll(() => gw.close());

const replay = (clientId: string, auditId: string) => caller(gw, clientId).get(`/v1/audit/entries/${auditId}/replay`);

describe('replaying a decision', () => {
  it('gives the same answer for every decision of a run across all 14 exchanges, permits and refusals, real and dry', async () => {
    const partners = sandboxClients.filter((c) => c.roles.includes('partner'));
    for (const def of exchanges) {
      const path = paths[def.id as keyof typeof paths];
      for (const client of partners) {
        for (const person of [ruan, priya])
          await caller(gw, client.id).post(path, rightfulRequest[def.id as keyof typeof paths](person));
      }
      await caller(gw, 'dpo').post('/v1/decisions', {
        exchange: def.id,
        party: 'home-office-ie',
        asOf: '2018-01-15',
        request: rightfulRequest[def.id as keyof typeof paths](ruan),
      });
    }
    const entries = await gw
      .db('audit_log')
      .whereIn('kind', ['decision', 'dry-run', 'lookup'])
      .select('id', 'kind', 'exchange', 'decision');
    const seen = { exchanges: new Set<string>(), permits: 0, denials: 0, lookups: 0, dryRuns: 0 };
    const notIdentical: unknown[] = [];
    for (const e of entries) {
      const res = await replay('dpo', e.id);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      if (!res.body.identical) notIdentical.push(res.body);
      seen.exchanges.add(e.exchange);
      if (e.kind === 'lookup') seen.lookups += 1;
      else if (e.kind === 'dry-run') seen.dryRuns += 1;
      else if (e.decision === 'permit') seen.permits += 1;
      else seen.denials += 1;
    }
    expect(notIdentical).toEqual([]);
    expect(seen.exchanges.size).toBe(14);
    expect(seen.permits).toBeGreaterThan(10);
    expect(seen.denials).toBeGreaterThan(50);
    expect(seen.lookups).toBeGreaterThan(5);
    expect(seen.dryRuns).toBe(14);
  });

  it('names the register revision and the rules version replayed on', async () => {
    const res = await caller(gw, 'dwp-benefits').post(paths['dwp.status-check'], dwpStatusCheck(priya, { nino: true }));
    const body = (await replay('dpo', res.body.auditId)).body;
    const entry = await gw.db('audit_log').where({ id: res.body.auditId }).first('body');
    const logged = typeof entry.body === 'string' ? JSON.parse(entry.body) : entry.body;
    expect(body.register).toEqual({ generation: logged.registerGeneration });
    expect(body.policyVersion).toEqual({ original: logged.policyVersion, now: logged.policyVersion, changed: false });
    expect(body.original).toEqual(body.replayed);
  });

  it("shows a party its own decision in the words it was told, and another party's as not found", async () => {
    const res = await caller(gw, 'ho-status-sharing').post(
      paths['hmrc.proactive-notification'],
      hmrcProactiveNotification(priya),
    );
    expect(res.status).toBe(403);
    const own = await replay('ho-status-sharing', res.body.auditId);
    expect(own.status).toBe(200);
    expect(own.body.identical).toBe(true);
    // The party was told "paused", never the age the DPO reads.
    expect(JSON.stringify(own.body)).not.toMatch(/\b38\b|1988/);
    expect(JSON.stringify((await replay('dpo', res.body.auditId)).body)).toMatch(/is 38 on 2026-11-23/);
    const other = await replay('dwp-benefits', res.body.auditId);
    expect(other.status).toBe(404);
    expect(await replay('ho-status-sharing', '00000000-0000-4000-8000-000000000000').then((r) => r.status)).toBe(404);
  });

  it('keeps the facts it replays from sealed: nothing of the person in clear in the entry', async () => {
    const res = await caller(gw, 'dwp-benefits').post(paths['dwp.status-check'], dwpStatusCheck(priya, { nino: true }));
    const entry = await gw.db('audit_log').where({ id: res.body.auditId }).first('body');
    const text = typeof entry.body === 'string' ? entry.body : JSON.stringify(entry.body);
    expect(text).toContain('sealedFacts');
    for (const particular of [priya.forename, priya.surname, priya.dateOfBirth, priya.nino])
      expect(text).not.toContain(particular);
  });

  it('refuses an entry that records no decision, saying which to replay', async () => {
    const feedbackless = await gw.db('audit_log').where({ kind: 'outcome' }).first('id');
    const res = await replay('dpo', feedbackless.id);
    expect(res.status).toBe(422);
    expect(res.body.detail).toMatch(/replay the decision it belongs to/);
  });
});
