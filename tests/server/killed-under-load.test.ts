// A gateway process killed with SIGKILL in the middle of a load, then started again on the same database: the
// chain still verifies, and every answer a client received has its decision in the log, and every disclosure
// its outcome. A crash may leave a decision without an outcome; never a disclosure without a decision.
// On PostgreSQL only: run against embedded PGlite this test found that a SIGKILL can lose the whole data
// directory's contents, or leave it unopenable (README, "The embedded database is not crash-safe").
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { childTracePath, childTraceRequest, currentPostcode } from '../support/child-trace.ts';
import { startGatewayProcess, type GatewayProcess } from '../support/gateway-process.ts';

const child = fixtures.traceableChild;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-kill-'));
let database: TestDatabase | null = null;
let running: GatewayProcess | null = null;

afterAll(async () => {
  running?.child.kill('SIGKILL');
  await running?.exited;
  await database?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Received {
  status: number;
  auditId?: string;
}

/** Clients calling as fast as they can until the gateway stops answering. */
async function loadUntilGone(gateway: GatewayProcess, workers: number, onAnswer: (answer: Received) => void) {
  const token = await gateway.token('ie-removals-casework');
  const body = JSON.stringify(childTraceRequest({ ...child, postcode: currentPostcode(child) }));
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (;;) {
        let res: Response;
        try {
          res = await fetch(gateway.url + childTracePath, {
            method: 'POST',
            body,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          });
        } catch {
          return; // the process is gone: this request got no answer, so it proves nothing either way
        }
        const answer = (await res.json().catch(() => ({}))) as { auditId?: string };
        onAnswer({ status: res.status, ...(answer.auditId ? { auditId: answer.auditId } : {}) });
      }
    }),
  );
}

describe('a gateway killed with SIGKILL under load', () => {
  it('restarts on the same database with a chain that verifies and every answered exchange in it', async () => {
    database = await openTestDatabase();
    const databaseUrl = database.url;
    running = await startGatewayProcess({ dataDir, databaseUrl });
    const first = running;
    const received: Received[] = [];
    const load = loadUntilGone(first, 8, (answer) => {
      received.push(answer);
      if (received.length === 60) first.child.kill('SIGKILL');
    });
    expect(await first.exited).toBe('SIGKILL');
    await load;

    running = await startGatewayProcess({ dataDir, databaseUrl });
    const dpo = await running.token('dpo');
    const get = async (p: string) => {
      const res = await fetch(running!.url + p, { headers: { authorization: `Bearer ${dpo}` } });
      return { status: res.status, body: (await res.json()) as Record<string, any> };
    };

    const verification = await get('/v1/audit/verification');
    expect(verification.status).toBe(200);
    expect(verification.body).toMatchObject({ ok: true });
    expect(verification.body.firstBad).toBeUndefined();

    const disclosed = received.filter((r) => r.status === 200);
    expect(disclosed.length).toBeGreaterThanOrEqual(60);
    for (const answer of received) {
      // Every answer that carried an auditId (a permit or a refusal) is in the log after the crash.
      expect(answer.auditId).toBeDefined();
      const { status, body } = await get(`/v1/audit/entries/${answer.auditId}`);
      expect(status).toBe(200);
      expect(body.entry.kind).toBe('decision');
      // A disclosure went out only after its outcome was committed.
      if (answer.status === 200)
        expect(body.outcomes.map((o: { body: { outcome: string } }) => o.body.outcome)).toEqual(['matched']);
    }
  }, 180_000);
});
