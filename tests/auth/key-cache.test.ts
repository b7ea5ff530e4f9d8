// The authenticator trusts a client and its keys, and a token verified with them, for CLIENT_KEY_CACHE_SECONDS rather
// than asking the register on every call. What that must never change: a key revoked (or a client suspended) by any
// gateway process is refused once this one next reads the register's generation (CLIENT_REGISTER_POLL_MS), however
// long the cache time; an expired token is refused however recently it was verified; an altered token is never a hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../gateway/auth/authenticate.ts';
import { createClientStore } from '../../gateway/auth/client-store.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
let clock = Date.now();
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

/** An authenticator with caches of its own, as another gateway process on the same database has. */
const authenticator = (cacheSeconds: number) =>
  createAuthenticator(createClientStore(gw.db), {
    audience: gw.config.audience,
    maxAgeSeconds: 900,
    cacheSeconds,
    registerPollMs: 1000,
    now: () => clock,
  });

async function revokeThroughTheApi(clientId: string) {
  const res = await gw.http
    .post(`/v1/clients/${clientId}/key-revocations`)
    .set('authorization', `Bearer ${await gw.token('registry-admin')}`)
    .send({ kid: gw.keys.get(clientId)!.kid, reason: 'the key was found on a shared drive' });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

describe('trusting client keys for a while', () => {
  it('refuses a key revoked by another process once the register is read again, long before the cache time', async () => {
    clock = Date.now();
    const authenticate = authenticator(600);
    // Issued at the authenticator's clock, not the wall's: on a loaded machine the revocation can take over a second.
    const issued = { iat: Math.floor(clock / 1000), exp: Math.floor(clock / 1000) + 300 };
    const token = await gw.token('hmrc-benefits', issued);
    expect((await authenticate(`Bearer ${token}`)).party).toBe('hmrc');
    await revokeThroughTheApi('hmrc-benefits');
    const fresh = await gw.token('hmrc-benefits', issued);
    expect((await authenticate(`Bearer ${fresh}`)).party).toBe('hmrc'); // within the poll interval, still trusted
    clock += 1_001;
    await expect(authenticate(`Bearer ${fresh}`)).rejects.toMatchObject({
      code: 'unauthenticated',
      detail: expect.stringMatching(/revoked/),
    });
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a revoked key at once when caching is off', async () => {
    clock = Date.now();
    const authenticate = authenticator(0);
    const token = await gw.token('dfe-pupil-data');
    expect((await authenticate(`Bearer ${token}`)).party).toBe('dfe');
    await revokeThroughTheApi('dfe-pupil-data');
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a token that has expired since it was verified', async () => {
    clock = Date.now();
    const authenticate = authenticator(600);
    const now = Math.floor(clock / 1000);
    const token = await gw.token('dwp-benefits', { iat: now, exp: now + 60 });
    expect((await authenticate(`Bearer ${token}`)).party).toBe('dwp');
    clock += 61_000;
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('never takes an altered token for the one it verified', async () => {
    clock = Date.now();
    const authenticate = authenticator(600);
    const token = await gw.token('dwp-benefits');
    await authenticate(`Bearer ${token}`);
    // Change the signature's first character (every bit of it counts, unlike the last one's padding bits).
    const at = token.lastIndexOf('.') + 1;
    const altered = `${token.slice(0, at)}${token[at] === 'A' ? 'B' : 'A'}${token.slice(at + 1)}`;
    expect(altered).not.toBe(token);
    await expect(authenticate(`Bearer ${altered}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
