// The gateway decides from the register held in memory, reloaded whenever the database says the register has
// changed. Whatever writes the register — the API, or a database administrator in psql — the very next decision
// follows it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childTracePath, childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
const child = { forename: 'Amara', surname: 'Okonkwo-Testcase', dateOfBirth: '2016-03-14', postcode: 'LS6 2AB' };
beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock });
});
afterAll(() => gw.close());

const trace = async () =>
  gw.http
    .post(childTracePath)
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
    .send(childTraceRequest(child));
const generation = async () => Number((await gw.db('register_generation').first('generation'))!.generation);

describe('the register the policy check holds in memory', () => {
  it('follows a change made outside the gateway at the very next decision', async () => {
    expect((await trace()).status).toBe(200);
    const before = await generation();
    // A database administrator terminates the agreement by hand: the event table is append-only, so a new row.
    await gw.db('agreement_version_events').insert({
      agreement_id: 'ie-dfe-child-tracing-mou',
      version: '2.0',
      kind: 'terminated',
      on_date: '2026-11-01',
      actor: 'dba',
    });
    expect(await generation()).toBeGreaterThan(before);
    const refused = await trace();
    expect(refused.status).toBe(403);
    expect(refused.body.decision.rules.find((r: { id: string }) => r.id === 'agreement-in-force').outcome).toBe('deny');
  });

  it('moves on with every kind of register write, and not with exchanges', async () => {
    const before = await generation();
    await trace();
    expect(await generation()).toBe(before);
    await gw
      .db('directives')
      .where({ id: 'no-such-directive' })
      .update({ body: gw.db.raw('body') });
    expect(await generation()).toBe(before + 1);
  });
});
