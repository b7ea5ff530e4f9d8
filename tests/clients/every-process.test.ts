// Issue 13: "a suspended or disabled client, or a revoked key, gets 401 promptly in every gateway process". A second
// gateway on the same database, with caches of its own, stands in for another process: it has trusted the client
// and its token, and still refuses them once it next reads the register's generation (CLIENT_REGISTER_POLL_MS).
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGateway } from '../../gateway/gateway.ts';
import { createLogger } from '../../platform/logger.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

const pollMs = 50;
let gw: TestGateway;
let other: ReturnType<typeof buildGateway>;
let server: Server;
let otherHttp: ReturnType<typeof request>;
beforeAll(async () => {
  gw = await startTestGateway({ clientRegister: { pollMs } });
  other = buildGateway(
    { ...gw.config, clientKeyCacheSeconds: 600, clientRegister: { ...gw.config.clientRegister, pollMs } },
    {
      db: gw.db,
      logger: createLogger('silent'),
      hmacKey: gw.hmacKey,
      auditKeys: gw.auditKeys,
    },
  );
  server = other.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  otherHttp = request(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await other.close();
  await gw.close();
});

const pastThePollInterval = () => new Promise((resolve) => setTimeout(resolve, pollMs * 3));
const asAdmin = async (path: string, body: object) =>
  gw.http
    .post(path)
    .set('authorization', `Bearer ${await gw.token('registry-admin')}`)
    .send(body);

describe('a change made through one gateway process', () => {
  it('suspends the client in the other process too, with the token it had already verified', async () => {
    const token = await gw.token('hmrc-benefits');
    expect((await otherHttp.get('/v1/register/collaborations').set('authorization', `Bearer ${token}`)).status).toBe(
      200,
    );
    expect(
      (await asAdmin('/v1/clients/hmrc-benefits/status', { action: 'suspend', reason: 'incident 7' })).status,
    ).toBe(200);
    await pastThePollInterval();
    const refused = await otherHttp.get('/v1/register/collaborations').set('authorization', `Bearer ${token}`);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/suspended/);
  });

  it('revokes the key in the other process too', async () => {
    const token = await gw.token('dwp-benefits');
    expect((await otherHttp.get('/v1/register/collaborations').set('authorization', `Bearer ${token}`)).status).toBe(
      200,
    );
    expect(
      (
        await asAdmin('/v1/clients/dwp-benefits/key-revocations', {
          kid: gw.keys.get('dwp-benefits')!.kid,
          reason: 'key leaked',
        })
      ).status,
    ).toBe(200);
    await pastThePollInterval();
    expect((await otherHttp.get('/v1/register/collaborations').set('authorization', `Bearer ${token}`)).status).toBe(
      401,
    );
  });
});
