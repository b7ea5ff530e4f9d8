// A retry after a timeout must not count twice (issue 14: two identical POSTs made two audit ids and counted 17,
// then 18 of 300). With an Idempotency-Key the retry gets the first answer, and nothing is decided, counted or
// audited again; keys belong to one client; a key reused for another request is refused.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClientStore } from '../../gateway/auth/client-store.ts';
import { enrolClient } from '../../gateway/auth/sandbox-clients.ts';
import type { Person } from '../../sandbox/population/types.ts';
import { childTracePath, childTraceRequest, currentPostcode, fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
let child: Person;

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
  child = gw.population.people.find((p) => p.forename === 'Amara' && p.surname === 'Okonkwo-Testcase')!;
  // A second system of the same party, with a client of its own.
  const second = {
    id: 'ie-second-casework',
    party: 'home-office-ie',
    displayName: 'Immigration Enforcement, a second team',
    roles: ['partner'],
  };
  gw.keys.set(second.id, await enrolClient(createClientStore(gw.db), second as Parameters<typeof enrolClient>[1]));
});
afterAll(() => gw.close());

const trace = async (body: object, key?: string, clientId = 'ie-removals-casework') => {
  const req = gw.http.post(childTracePath).set('authorization', `Bearer ${await gw.token(clientId)}`);
  if (key !== undefined) req.set('idempotency-key', key);
  return req.send(body);
};
const capReason = (body: { decision: { rules: { id: string; reason: string }[] } }) =>
  body.decision.rules.find((r) => r.id === 'monthly-cap')!.reason;
const usedOf = (reason: string) => Number(/^(\d+) of 300/.exec(reason)![1]);
const auditRows = async () => Number((await gw.db.raw('select count(*) as n from audit_log')).rows[0].n);
const request = () => childTraceRequest({ ...child, postcode: currentPostcode(child) });

describe('a retry with the same Idempotency-Key', () => {
  it('gets the first answer, with the same auditId, and is neither counted again nor audited again', async () => {
    const key = `"${randomUUID()}"`;
    const first = await trace(request(), key);
    expect(first.status).toBe(200);
    const used = usedOf(capReason(first.body));
    const logged = await auditRows();

    const retry = await trace(request(), key);
    expect(retry.status).toBe(200);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.headers['content-type']).toContain('application/json');
    expect(retry.body).toEqual(first.body);
    expect(capReason(retry.body)).toBe(`${used} of 300 requests this month`);
    expect(await auditRows()).toBe(logged);

    // The next new request is the next one counted: the retry took no place under the cap.
    const next = await trace(request(), `"${randomUUID()}"`);
    expect(usedOf(capReason(next.body))).toBe(used + 1);
  });

  it('accepts the key bare, as typed at a shell, as the same key', async () => {
    const id = randomUUID();
    const first = await trace(request(), id);
    const retry = await trace(request(), `"${id}"`);
    expect(retry.body.auditId).toBe(first.body.auditId);
  });

  it('gives a refusal again as it was first given, with its auditId', async () => {
    const key = randomUUID();
    const body = childTraceRequest(
      { ...child, postcode: currentPostcode(child) },
      { grounds: { parentBelievedImmigrationOffender: false } },
    );
    const first = await trace(body, key);
    expect(first.status).toBe(403);
    const logged = await auditRows();
    const retry = await trace(body, key);
    expect(retry.status).toBe(403);
    expect(retry.headers['content-type']).toContain('application/problem+json');
    expect(retry.body).toEqual(first.body);
    expect(await auditRows()).toBe(logged);
  });

  it('runs concurrent duplicates once: one is decided, the others wait their turn (409) or get its answer', async () => {
    const key = randomUUID();
    const before = usedOf(capReason((await trace(request())).body));
    const answers = await Promise.all(Array.from({ length: 6 }, () => trace(request(), key)));
    const ok = answers.filter((r) => r.status === 200);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((r) => r.body.auditId)).size).toBe(1);
    for (const refused of answers.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('conflict');
    }
    const after = usedOf(capReason((await trace(request())).body));
    expect(after).toBe(before + 2);
  });
});

describe('a key reused for something else', () => {
  it('is 422 when the body differs, and nothing is decided', async () => {
    const key = randomUUID();
    await trace(request(), key);
    const logged = await auditRows();
    const other = await trace({ ...request(), caseReference: 'IE-RC-2026-0043' }, key);
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body.code).toBe('unprocessable');
    expect(await auditRows()).toBe(logged);
  });

  it('is independent for another client: the same key and body from another system is its own request', async () => {
    const key = randomUUID();
    const mine = await trace(request(), key);
    const theirs = await trace(request(), key, 'ie-second-casework');
    expect(theirs.status).toBe(200);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.body.auditId).not.toBe(mine.body.auditId);
    expect(usedOf(capReason(theirs.body))).toBe(usedOf(capReason(mine.body)) + 1);
  });

  it('is refused when it is not a usable key', async () => {
    const res = await trace(request(), 'x'.repeat(300));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'Idempotency-Key', message: 'is not in the expected format' }]);
  });
});

describe('a key that is free again', () => {
  it('after a refusal before anything was recorded: the corrected request runs under the same key', async () => {
    const key = randomUUID();
    const dryRun = async (body: object) =>
      gw.http
        .post('/v1/decisions')
        .set('authorization', `Bearer ${await gw.token('dpo')}`)
        .set('idempotency-key', key)
        .send(body);
    const missingParty = await dryRun({ exchange: 'dfe.child-trace', request: request() });
    expect(missingParty.status).toBe(400);
    const corrected = await dryRun({ exchange: 'dfe.child-trace', party: 'home-office-ie', request: request() });
    expect(corrected.status).toBe(200);
    expect(corrected.headers['idempotent-replayed']).toBeUndefined();
  });

  it('after 24 hours: the key may name a new request', async () => {
    const key = randomUUID();
    const first = await trace(request(), key);
    // A day passes (the window is the database's clock, so the row is aged rather than the clock moved).
    await gw.db.raw(
      `update idempotency_keys set expires_at = now() - interval '1 second', claimed_at = now() - interval '25 hours'`,
    );
    const later = await trace({ ...request(), caseReference: 'IE-RC-2026-0044' }, key);
    expect(later.status).toBe(200);
    expect(later.body.auditId).not.toBe(first.body.auditId);
  });
});

describe('what the gateway keeps of a key', () => {
  it('holds neither the key nor anything about the person in clear', async () => {
    const key = `canary-key-${randomUUID()}`;
    const res = await trace(request(), key);
    expect(res.body.result.addresses.length).toBeGreaterThan(0);
    const rows = (await gw.db.raw('select * from idempotency_keys')).rows as Record<string, unknown>[];
    const kept = JSON.stringify(
      rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v]),
        ),
      ),
    );
    for (const secret of [
      key,
      child.forename,
      child.surname,
      currentPostcode(child),
      res.body.result.addresses[0].postcode,
    ]) {
      expect(kept).not.toContain(secret);
    }
  });
});

describe('other writes that take a key', () => {
  it('replays a dry run with the same auditId and audits it once', async () => {
    const key = randomUUID();
    const dryRun = async () =>
      gw.http
        .post('/v1/decisions')
        .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
        .set('idempotency-key', key)
        .send({ exchange: 'dfe.child-trace', request: request() });
    const first = await dryRun();
    expect(first.status).toBe(200);
    const logged = await auditRows();
    const retry = await dryRun();
    expect(retry.body).toEqual(first.body);
    expect(await auditRows()).toBe(logged);
  });
});
