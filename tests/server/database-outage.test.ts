// The link to PostgreSQL fails mid-service and comes back: while it is down every exchange is refused with 503
// problem+json and nothing goes to the partner (fail closed); once it is back the gateway serves again without
// a restart, and the chain has no gap. The console says the service is unavailable (503) rather than failing. Runs
// on a PostgreSQL server (an embedded database has no link to lose).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../platform/db/connect.ts';
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
  gw = await startTestGateway({
    clock: fixedClock,
    dfeUrl: partner.url,
    database: {
      ...server,
      db,
      url: relayed.toString(),
      drop: async () => {
        await db.destroy();
      },
    },
  });
});
afterAll(async () => {
  await gw?.close();
  await relay?.close();
  await partner?.close();
  await server?.drop();
});

const trace = async () =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
    .send(childTraceRequest(child));

describe('a PostgreSQL outage', () => {
  it('is refused with 503 while it lasts, sends nothing upstream, and ends without a restart', async () => {
    const token = await gw.token('ie-removals-casework');
    expect((await trace()).status).toBe(200);
    const callsBefore = partner.calls();

    relay.cut();
    for (let i = 0; i < 3; i++) {
      const res = await gw.http
        .post(childTracePath)
        .set('authorization', `Bearer ${token}`)
        .send(childTraceRequest(child));
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

    const verification = await gw.http
      .get('/v1/audit/verification')
      .set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(verification.body).toMatchObject({ ok: true });
    expect(verification.body.checked).toBeGreaterThanOrEqual(4);
  });
});

describe('the console during an outage', () => {
  const cookieOf = (res: { headers: Record<string, unknown> }, name: string) =>
    ((res.headers['set-cookie'] as string[] | undefined) ?? []).find((c) => c.startsWith(`${name}=`))?.split(';')[0];
  async function signIn(clientId: string) {
    const form = await gw.http.get('/console/sign-in');
    const nonce = /name="signin" value="([^"]+)"/.exec(form.text)![1]!;
    return gw.http
      .post('/console/sign-in')
      .set('cookie', cookieOf(form, 'gw-console-signin')!)
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ signin: nonce, token: await gw.token(clientId, { jti: randomUUID() }) });
  }
  const unavailable = (res: { status: number; headers: Record<string, string>; text: string }, what: string) => {
    expect(res.status, what).toBe(503);
    expect(res.headers['content-type'], what).toContain('text/html');
    expect(res.text, what).toContain('The service is unavailable');
    expect(res.text, what).not.toMatch(/ECONN|Connection terminated|\bat .+:\d+/);
  };

  it('answers every page that needs the database with a 503 page, and serves again once it is back', async () => {
    const session = cookieOf(await signIn('dpo'), 'gw-console')!;
    expect((await gw.http.get('/console/dpo/search').set('cookie', session)).status).toBe(200);

    relay.cut();
    for (const path of ['/console/register', '/console/dpo/search', '/console/dpo/verification', '/console/sign-in']) {
      unavailable(await gw.http.get(path).set('cookie', session), path);
    }
    unavailable(await signIn('sro'), 'signing in');
    expect(gw.logs()).toContain('database unreachable; console answered 503');

    relay.restore();
    expect((await gw.http.get('/console/dpo/search').set('cookie', session)).status).toBe(200);
  });
});
