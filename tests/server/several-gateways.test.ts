// Issue 7: "Several gateway processes on one PostgreSQL, one audit chain, caps still exact", and "several processes
// appending while verification runs". Three real gateway processes share one database and one data directory
// (client keys, the subject HMAC key, the checkpoint signing keys), as a deployment behind a load balancer would.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { londonDay } from '../../platform/london-day.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { startSandboxes, type RunningSandboxes } from '../../sandbox/start-sandboxes.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { deniedRules } from '../support/exchanges.ts';
import {
  adoptTermsThrough,
  processCaller,
  startGatewayProcess,
  stopGatewayProcess,
  type Answer,
  type GatewayProcess,
} from '../support/gateway-process.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-several-'));
const trace = childTraceRequest(
  { ...fixtures.traceableChild, postcode: currentPostcode(fixtures.traceableChild) },
  { agreementId: 'ie-dfe-child-tracing-mou' },
);
let database: TestDatabase;
let sandboxes: RunningSandboxes;
let gateways: GatewayProcess[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  // One set of partner sandboxes, which every gateway calls: none of the three starts its own.
  sandboxes = await startSandboxes({});
  const { dfe, dwp, hmrc, nhs, homeOffice, financial } = sandboxes.urls;
  const env = {
    SANDBOX_PARTNERS: 'false',
    AUDIT_CHECKPOINT_EVERY: '25',
    DFE_UPSTREAM_URL: dfe,
    DWP_UPSTREAM_URL: dwp,
    HMRC_UPSTREAM_URL: hmrc,
    NHS_UPSTREAM_URL: nhs,
    HOME_OFFICE_UPSTREAM_URL: homeOffice,
    FINANCIAL_UPSTREAM_URL: financial,
  };
  // The first migrates, loads the default register and enrols the sandbox clients; the others find them there.
  gateways = [await startGatewayProcess({ dataDir, databaseUrl: database.url, env })];
  gateways.push(
    ...(await Promise.all([1, 2].map(() => startGatewayProcess({ dataDir, databaseUrl: database.url, env })))),
  );
}, 120_000);

afterAll(async () => {
  await Promise.all(gateways.map(stopGatewayProcess));
  await sandboxes?.close();
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Received {
  gateway: number;
  status: number;
  auditId: string | undefined;
}

describe('three gateway processes on one database', () => {
  it('append to one chain while a DPO verifies it over and over: every verification ok, no gap, no fork', async () => {
    const received: Received[] = [];
    const verifications: Answer[] = [];
    let loading = true;

    // 3 clients on each gateway, 20 traces each, and on until the DPO has verified 5 times, so that every
    // verification below runs while all three processes are appending.
    const load = gateways.flatMap((gateway, g) =>
      Array.from({ length: 3 }, async () => {
        const ie = processCaller(gateway, 'ie-removals-casework');
        for (let sent = 0; sent < 20 || verifications.length < 5; sent += 1) {
          const answer = await ie.post(childTracePath, trace);
          received.push({ gateway: g, status: answer.status, auditId: answer.body?.auditId });
        }
      }),
    );
    const verifier = (async () => {
      for (let i = 0; loading; i += 1)
        verifications.push(await processCaller(gateways[i % gateways.length]!, 'dpo').get('/v1/audit/verification'));
    })();
    await Promise.all(load);
    loading = false;
    await verifier;

    expect(verifications.length).toBeGreaterThanOrEqual(5);
    for (const v of verifications) {
      expect(v.status).toBe(200);
      expect(v.body).toMatchObject({ ok: true, protection: { intact: true } });
      expect(v.body.firstBad).toBeUndefined();
    }
    // Later verifications saw a longer chain: they ran while entries were being added.
    expect(verifications[verifications.length - 1]!.body.checked).toBeGreaterThan(verifications[0]!.body.checked);

    expect(received.length).toBeGreaterThanOrEqual(3 * 3 * 20);
    expect(new Set(received.map((r) => r.gateway))).toEqual(new Set([0, 1, 2]));
    expect(received.every((r) => r.status === 200)).toBe(true);

    const rows = (
      await database.db.raw('select seq, id, kind, prev_hash, hash, decision_id from audit_log order by seq')
    ).rows as { seq: number; id: string; kind: string; prev_hash: string; hash: string; decision_id: string | null }[];
    // seq runs 1, 2, 3, … with no gap, and each entry follows the one before it.
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    rows.slice(1).forEach((r, i) => expect(r.prev_hash).toBe(rows[i]!.hash));
    // No fork: no two entries claim the same predecessor.
    expect(new Set(rows.map((r) => r.prev_hash)).size).toBe(rows.length);

    // Every auditId a client received is a decision in the log exactly once, with exactly one outcome.
    const auditIds = received.map((r) => r.auditId!);
    expect(new Set(auditIds).size).toBe(auditIds.length);
    for (const auditId of auditIds) {
      expect(rows.filter((r) => r.id === auditId).map((r) => r.kind)).toEqual(['decision']);
      expect(rows.filter((r) => r.kind === 'outcome' && r.decision_id === auditId)).toHaveLength(1);
    }

    const final = await processCaller(gateways[1]!, 'dpo').get('/v1/audit/verification');
    expect(final.body).toMatchObject({ ok: true, checked: rows.length });
    // Checkpoints were signed along the way, whichever process signed each, and all verify.
    expect(final.body.checkpointsChecked).toBeGreaterThan(0);
  }, 180_000);

  it('hold a monthly cap exactly when more than the cap arrive at once across all three', async () => {
    // A trial agreement with a cap of 5, put in place through one gateway's register API; the others must see it.
    const cap = 5;
    await adoptTermsThrough(
      processCaller(gateways[0]!, 'registry-admin'),
      { agreementId: 'ie-dfe-child-tracing-mou', version: '2.0' },
      { agreementId: 'ie-dfe-several-trial', version: '1.0', day: londonDay(new Date()) },
      (t) => ({
        ...t,
        measures: t.measures.map((m: { monthlyCap?: number }) => (m.monthlyCap ? { ...m, monthlyCap: cap } : m)),
      }),
    );
    const trial = { ...trace, agreementId: 'ie-dfe-several-trial' };
    const callers = gateways.map((gateway) => processCaller(gateway, 'ie-removals-casework'));
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) => callers[i % callers.length]!.post(childTracePath, trial)),
    );

    const permitted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(permitted).toHaveLength(cap);
    expect(refused).toHaveLength(30 - cap);
    for (const r of refused) {
      expect(r.status).toBe(403);
      expect(deniedRules(r.body.decision)).toEqual(['monthly-cap']);
    }
    const reasons = permitted
      .map((a) => a.body.decision.rules.find((rule: { id: string }) => rule.id === 'monthly-cap').reason)
      .sort();
    expect(reasons).toEqual(Array.from({ length: cap }, (_, i) => `${i + 1} of ${cap} requests this month`));

    // The log agrees: 5 permits and 25 refusals under the trial agreement.
    const decisions = (
      await database.db.raw(
        `select decision, count(*)::int as n from audit_log where kind = 'decision' and agreement_id = ? group by decision order by decision`,
        ['ie-dfe-several-trial'],
      )
    ).rows;
    expect(decisions).toEqual([
      { decision: 'deny', n: 30 - cap },
      { decision: 'permit', n: cap },
    ]);
    expect((await processCaller(gateways[2]!, 'dpo').get('/v1/audit/verification')).body).toMatchObject({ ok: true });
  }, 120_000);
});
