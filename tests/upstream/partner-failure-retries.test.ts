// A retry after a partner failed: the failure was decided and audited (its auditId is in the answer), so a retry
// with the same Idempotency-Key gets that answer again and DfE is not asked a second time; a new key asks again.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { startFakePartner } from '../support/fake-partner.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { paths } from '../support/requests.ts';

let gw: TestGateway;
let dfe: Awaited<ReturnType<typeof startFakePartner>>;
beforeAll(async () => {
  dfe = await startFakePartner('server-error');
  gw = await startTestGateway({ clock: fixedClock, dfeUrl: dfe.url });
});
afterAll(async () => {
  await gw.close();
  await dfe.close();
});

const trace = async (key: string) =>
  gw.http
    .post(paths['dfe.child-trace'])
    .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
    .set('idempotency-key', key)
    .send(childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }));

it('replays a 502 without calling the partner again, and a new key tries afresh', async () => {
  const key = randomUUID();
  const failed = await trace(key);
  expect(failed.status).toBe(502);
  expect(failed.body.auditId).toBeDefined();
  const calls = dfe.calls();

  const retry = await trace(key);
  expect(retry.status).toBe(502);
  expect(retry.headers['idempotent-replayed']).toBe('true');
  expect(retry.body).toEqual(failed.body);
  expect(dfe.calls()).toBe(calls);

  dfe.behave('no-match');
  const fresh = await trace(randomUUID());
  expect(fresh.status).toBe(200);
  expect(dfe.calls()).toBe(calls + 1);
});
