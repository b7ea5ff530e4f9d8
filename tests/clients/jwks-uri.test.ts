// Issue 13: a partner may publish its keys at a jwks_uri instead of handing them over, as OpenID Connect's
// private_key_jwt allows. The gateway fetches the set over real HTTP, keeps it for JWKS_CACHE_SECONDS, and refuses
// cleanly (401, naming the problem, nothing else disturbed) a key set that is too large or too slow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { jwksOf, partnerKey, partnerToken, startJwksServer, type PartnerKey } from './support.ts';

let gw: TestGateway;
const servers: Awaited<ReturnType<typeof startJwksServer>>[] = [];
beforeAll(async () => {
  gw = await startTestGateway({ clientRegister: { jwksTimeoutMs: 300, jwksMaxBytes: 4096 } });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await gw.close();
});

async function onboard(id: string, served: object) {
  const server = await startJwksServer(served);
  servers.push(server);
  const res = await gw.http
    .post('/v1/clients')
    .set('authorization', `Bearer ${await gw.token('registry-admin')}`)
    .send({
      id,
      party: 'hmrc',
      displayName: `${id} system`,
      roles: ['partner'],
      jwksUri: server.url,
      reason: 'onboarding by published keys',
    });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).toMatchObject({ jwks: null, jwksUri: server.url });
  return server;
}
const callAs = async (clientId: string, key: PartnerKey) =>
  gw.http
    .get('/v1/register/collaborations')
    .set('authorization', `Bearer ${await partnerToken(clientId, key, gw.config.audience)}`);

describe('a client whose keys are at its jwks_uri', () => {
  it('is trusted with the keys fetched from there, fetched once and then cached', async () => {
    const key = await partnerKey('hmrc-remote-1', 'EdDSA');
    const server = await onboard('hmrc-remote', jwksOf(key));
    for (let i = 0; i < 3; i += 1) expect((await callAs('hmrc-remote', key)).status).toBe(200);
    expect(server.fetches()).toBe(1);
  });

  it('refuses a revoked key even while the partner still publishes it', async () => {
    const key = await partnerKey('hmrc-remote-1', 'EdDSA');
    const res = await gw.http
      .post('/v1/clients/hmrc-remote/key-revocations')
      .set('authorization', `Bearer ${await gw.token('registry-admin')}`)
      .send({ kid: 'hmrc-remote-1', reason: 'partner reported the key compromised' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const refused = await callAs('hmrc-remote', key);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/revoked/);
  });

  it('refuses a token when the key set is larger than JWKS_MAX_BYTES, and serves everyone else', async () => {
    const key = await partnerKey('bulky-1');
    await onboard('bulky', { ...jwksOf(key), padding: 'x'.repeat(10_000) });
    const res = await callAs('bulky', key);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toMatch(/larger than the gateway reads/);
    expect(
      (
        await gw.http
          .get('/v1/register/collaborations')
          .set('authorization', `Bearer ${await gw.token('dwp-benefits')}`)
      ).status,
    ).toBe(200);
  });

  it('refuses a token when the key set does not come within JWKS_FETCH_TIMEOUT_MS', async () => {
    const key = await partnerKey('sluggish-1');
    const server = await onboard('sluggish', jwksOf(key));
    server.slow(3_000);
    const res = await callAs('sluggish', key);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/did not answer in time/);
  });

  it('refuses a token when the key set is not JSON', async () => {
    const key = await partnerKey('garbled-1');
    const server = await onboard('garbled', jwksOf(key));
    server.serve('<html>maintenance</html>');
    const res = await callAs('garbled', key);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/could not be read/);
  });
});
