// The authenticator trusts a client key, and a token verified with it, for CLIENT_KEY_CACHE_SECONDS rather than
// asking the register on every call. What that must never change: a revoked key stops working once that time
// has passed, an expired token is refused however recently it was verified, and an altered token is never a hit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../gateway/auth/authenticate.ts';
import { createClientStore } from '../../gateway/auth/client-store.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
let clock = Date.now();
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(() => gw.close());

const authenticator = (cacheSeconds: number) =>
  createAuthenticator(createClientStore(gw.db), { audience: gw.config.audience, maxAgeSeconds: 900, cacheSeconds, now: () => clock });

describe('trusting client keys for a while', () => {
  it('keeps accepting a key revoked a moment ago only until the cache time has passed', async () => {
    clock = Date.now();
    const authenticate = authenticator(30);
    const token = await gw.token('hmrc-benefits');
    expect((await authenticate(`Bearer ${token}`)).party).toBe('hmrc');
    await gw.db('client_keys').where({ client_id: 'hmrc-benefits' }).update({ revoked_at: new Date() });
    const fresh = await gw.token('hmrc-benefits');
    expect((await authenticate(`Bearer ${fresh}`)).party).toBe('hmrc'); // the key is still trusted from the cache
    clock += 31_000;
    await expect(authenticate(`Bearer ${fresh}`)).rejects.toMatchObject({ code: 'unauthenticated' });
    await expect(authenticate(`Bearer ${token}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });

  it('refuses a revoked key at once when caching is off', async () => {
    clock = Date.now();
    const authenticate = authenticator(0);
    const token = await gw.token('dfe-pupil-data');
    expect((await authenticate(`Bearer ${token}`)).party).toBe('dfe');
    await gw.db('client_keys').where({ client_id: 'dfe-pupil-data' }).update({ revoked_at: new Date() });
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
    const altered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}${token.slice(-1)}`;
    await expect(authenticate(`Bearer ${altered}`)).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
