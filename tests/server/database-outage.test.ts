// The link to PostgreSQL fails mid-service and comes back: while it is down every exchange is refused with 503
// problem+json and nothing goes to the partner (fail closed); once it is back the gateway serves again without
// a restart, and the chain has no gap. Runs on a PostgreSQL server (an embedded database has no link to lose).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../gateway/db/connect.ts';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { startTcpRelay } from '../support/tcp-relay.ts';

let server: TestDatabase;
let relay: Awaited<ReturnType<typeof startTcpRelay>>;
let partner: Awaited<ReturnType<typeof startFakePartner>>;
let gw: TestGateway;
const child = { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' };

beforeAll(async () => {
  server = await openTestDatabase();
  const direct = new URL(server.url!);
  relay = await startTcpRelay({ host: direct.hostname, port: Number(direct.port || 5432) });
  const relayed = new URL(server.url!);
  relayed.port = String(relay.port);
  const db = connect({ databaseUrl: relayed.toString(), pgliteDir: null });
  partner = await startFakePartner('no-match');
  gw = await startTestGateway({ clock: fixedClock, dfeUrl: partner.url, database: { ...server, db, url: relayed.toString(), drop: async () => { await db.destroy(); } } });
});
afterAll(async () => {
  await gw?.close();
  await relay?.close();
  await partner?.close();
  await server?.drop();
});

const trace = async () => gw.http.post(childTracePath).set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`).send(childTraceRequest(child));

describe('a PostgreSQL outage', () => {
  it('is refused with 503 while it lasts, sends nothing upstream, and ends without a restart', async () => {
    const token = await gw.token('ie-removals-casework');
    expect((await trace()).status).toBe(200);
    const callsBefore = partner.calls();

    relay.cut();
    for (let i = 0; i < 3; i++) {
      const res = await gw.http.post(childTracePath).set('authorization', `Bearer ${token}`).send(childTraceRequest(child));
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.result).toBeUndefined();
      expect(JSON.stringify(res.body)).not.toMatch(/Okonkwo|LS6|ECONN|stack/);
    }
    const ready = await gw.http.get('/ready');
    expect(ready.status).toBe(503);
    expect(partner.calls()).toBe(callsBefore);

    relay.restore();
    const after = await trace();
    expect(after.status).toBe(200);
    expect(partner.calls()).toBe(callsBefore + 1);
    expect((await gw.http.get('/ready')).status).toBe(200);

    const verification = await gw.http.get('/v1/audit/verification').set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(verification.body).toMatchObject({ ok: true });
    expect(verification.body.checked).toBeGreaterThanOrEqual(4);
  });
});
