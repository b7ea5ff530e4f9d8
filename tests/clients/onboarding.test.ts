// Issue 13, "Partner onboarding by API": a registry administrator registers a partner's system with its party, roles
// and public keys (inline), rotates and revokes its keys, and suspends, reinstates and disables it. Every change is
// audited in its own transaction and kept as append-only history; whoever else asks is refused and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { jwksOf, partnerKey, partnerToken, type PartnerKey } from './support.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const admin = async () => `Bearer ${await gw.token('registry-admin')}`;
const count = async (table: string) => Number((await gw.db(table).count<{ n: string }[]>({ n: '*' }).first())!.n);
const clientChanges = async () =>
  (await gw.db('audit_log').where({ kind: 'register-change' }).orderBy('seq').select('body'))
    .map((r) => r.body as Record<string, any>)
    .filter((b) => String(b.target).startsWith('client/'));
/** What the partner sees when it calls the register with a token of its own. */
const callAs = async (clientId: string, key: PartnerKey) =>
  gw.http
    .get('/v1/register/collaborations')
    .set('authorization', `Bearer ${await partnerToken(clientId, key, gw.config.audience)}`);

describe('onboarding a partner with its public keys inline', () => {
  let first: PartnerKey;
  let second: PartnerKey;
  beforeAll(async () => {
    first = await partnerKey('acme-2026-12');
    second = await partnerKey('acme-2027-06', 'EdDSA');
  });

  it('registers the client, which can then call with tokens signed by its own key, and audits who did it and why', async () => {
    const res = await gw.http
      .post('/v1/clients')
      .set('authorization', await admin())
      .send({
        id: 'acme-benefits',
        party: 'dwp',
        displayName: 'DWP benefits (Acme hosting)',
        roles: ['partner'],
        jwks: jwksOf(first),
        reason: 'onboarding request DWP-ONB-17',
      });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      id: 'acme-benefits',
      party: 'dwp',
      status: 'active',
      jwksUri: null,
      revokedKids: [],
      actor: 'registry-admin',
      action: 'register',
      reason: 'onboarding request DWP-ONB-17',
    });
    expect(res.body.jwks.keys).toEqual([expect.objectContaining({ kid: 'acme-2026-12', alg: 'ES256', use: 'sig' })]);
    expect((await callAs('acme-benefits', first)).status).toBe(200);

    const [entry] = await clientChanges();
    expect(entry).toMatchObject({
      action: 'client-register',
      actor: 'registry-admin',
      target: 'client/acme-benefits',
      reason: 'onboarding request DWP-ONB-17',
      before: null,
    });
    expect(entry!.after).toMatchObject({ party: 'dwp', status: 'active', kids: ['acme-2026-12'] });
    const [row] = await gw.db('client_history').where({ client_id: 'acme-benefits' });
    expect(row).toMatchObject({ actor: 'registry-admin', action: 'register', status: 'active' });
    expect(row.recorded_at).toBeTruthy();
  });

  it('rotates without a gap: old and new together, then the new alone, and the retired key stops working', async () => {
    const both = await gw.http
      .put('/v1/clients/acme-benefits/keys')
      .set('authorization', await admin())
      .send({ jwks: jwksOf(first, second), reason: 'yearly rotation' });
    expect(both.status, JSON.stringify(both.body)).toBe(200);
    expect((await callAs('acme-benefits', first)).status).toBe(200);
    expect((await callAs('acme-benefits', second)).status).toBe(200);

    const newOnly = await gw.http
      .put('/v1/clients/acme-benefits/keys')
      .set('authorization', await admin())
      .send({ jwks: jwksOf(second), reason: 'old key retired' });
    expect(newOnly.status).toBe(200);
    const retired = await callAs('acme-benefits', first);
    expect(retired.status).toBe(401);
    expect(retired.body.detail).toMatch(/key the gateway does not know/);
    expect((await callAs('acme-benefits', second)).status).toBe(200);
    expect((await clientChanges()).map((e) => e.action)).toEqual([
      'client-register',
      'client-rotate-keys',
      'client-rotate-keys',
    ]);
  });

  it('revokes a key for good: refused at once, and it can never be registered again', async () => {
    const res = await gw.http
      .post('/v1/clients/acme-benefits/key-revocations')
      .set('authorization', await admin())
      .send({ kid: 'acme-2027-06', reason: 'laptop lost' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ revokedKids: ['acme-2027-06'], jwks: { keys: [] } });
    const refused = await callAs('acme-benefits', second);
    expect(refused.status).toBe(401);
    expect(refused.body.detail).toMatch(/revoked/);

    const again = await gw.http
      .put('/v1/clients/acme-benefits/keys')
      .set('authorization', await admin())
      .send({ jwks: jwksOf(second), reason: 'found the laptop' });
    expect(again.status).toBe(422);
    expect(
      (
        await gw.http
          .post('/v1/clients/acme-benefits/key-revocations')
          .set('authorization', await admin())
          .send({ kid: 'acme-2027-06', reason: 'twice' })
      ).status,
    ).toBe(409);
    expect(
      (
        await gw.http
          .post('/v1/clients/acme-benefits/key-revocations')
          .set('authorization', await admin())
          .send({ kid: 'no-such-key', reason: 'x' })
      ).status,
    ).toBe(404);
  });

  it('suspends, reinstates and disables: a suspended or disabled client is refused, and disabling is final', async () => {
    const key = await partnerKey('acme-2027-07');
    expect(
      (
        await gw.http
          .put('/v1/clients/acme-benefits/keys')
          .set('authorization', await admin())
          .send({ jwks: jwksOf(key), reason: 'new key after the loss' })
      ).status,
    ).toBe(200);
    const status = async (action: string) =>
      gw.http
        .post('/v1/clients/acme-benefits/status')
        .set('authorization', await admin())
        .send({ action, reason: `${action} per ticket 42` });

    expect((await status('suspend')).body.status).toBe('suspended');
    const suspended = await callAs('acme-benefits', key);
    expect(suspended.status).toBe(401);
    expect(suspended.body.detail).toMatch(/suspended/);
    expect((await status('reinstate')).body.status).toBe('active');
    expect((await callAs('acme-benefits', key)).status).toBe(200);
    expect((await status('disable')).body.status).toBe('disabled');
    expect((await callAs('acme-benefits', key)).status).toBe(401);
    expect((await status('reinstate')).status).toBe(409);

    const detail = await gw.http.get('/v1/clients/acme-benefits').set('authorization', await admin());
    expect(detail.body.client.status).toBe('disabled');
    expect(detail.body.history.map((h: { action: string }) => h.action)).toEqual([
      'register',
      'rotate-keys',
      'rotate-keys',
      'revoke-key',
      'rotate-keys',
      'suspend',
      'reinstate',
      'disable',
    ]);
    expect((await clientChanges()).length).toBe(8);
  });

  it('refuses to let an administrator suspend or disable its own client', async () => {
    const res = await gw.http
      .post('/v1/clients/registry-admin/status')
      .set('authorization', await admin())
      .send({ action: 'suspend', reason: 'oops' });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/cannot suspend itself/);
  });
});

describe('what the register refuses', () => {
  it('refuses every caller but a registry administrator, and writes nothing', async () => {
    const before = { history: await count('client_history'), log: await count('audit_log') };
    const body = {
      id: 'sneaky',
      party: 'dwp',
      displayName: 'x',
      roles: ['dpo'],
      jwks: jwksOf(await partnerKey('sneaky-1')),
      reason: 'x',
    };
    for (const clientId of ['ie-removals-casework', 'sro', 'dpo']) {
      const res = await gw.http
        .post('/v1/clients')
        .set('authorization', `Bearer ${await gw.token(clientId)}`)
        .send(body);
      expect(res.status).toBe(403);
    }
    expect((await gw.http.get('/v1/clients').set('authorization', `Bearer ${await gw.token('dpo')}`)).status).toBe(403);
    expect((await gw.http.post('/v1/clients').send(body)).status).toBe(401);
    expect({ history: await count('client_history'), log: await count('audit_log') }).toEqual(before);
  });

  it('refuses a private key in the key set, without repeating it', async () => {
    const { publicJwk } = await partnerKey('leaky-1');
    const res = await gw.http
      .post('/v1/clients')
      .set('authorization', await admin())
      .send({
        id: 'leaky',
        party: 'dwp',
        displayName: 'x',
        roles: ['partner'],
        jwks: { keys: [{ ...publicJwk, d: 'c2VjcmV0LXByaXZhdGUta2V5LWNhbmFyeQ' }] },
        reason: 'x',
      });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('jwks.keys.0.d');
    expect(JSON.stringify(res.body)).not.toContain('c2VjcmV0LXByaXZhdGUta2V5LWNhbmFyeQ');
  });

  it('refuses both key sources at once, a key id of another client, a plain-http jwks_uri elsewhere and a second registration of an id', async () => {
    const key = await partnerKey('fresh-1');
    const register = async (body: object) =>
      gw.http
        .post('/v1/clients')
        .set('authorization', await admin())
        .send({ id: 'fresh', party: 'hmrc', displayName: 'x', roles: ['partner'], reason: 'x', ...body });
    expect((await register({ jwks: jwksOf(key), jwksUri: 'https://keys.example/jwks.json' })).status).toBe(422);
    expect((await register({ jwksUri: 'http://keys.example/jwks.json' })).status).toBe(422);
    const stolen = { ...key.publicJwk, kid: gw.keys.get('dpo')!.kid };
    expect((await register({ jwks: { keys: [stolen] } })).status).toBe(409);
    expect((await register({ jwks: jwksOf(key) })).status).toBe(201);
    expect((await register({ jwks: jwksOf(await partnerKey('fresh-2')) })).status).toBe(409);
  });

  it('keeps the history append-only in the database itself', async () => {
    await expect(gw.db('client_history').update({ status: 'active' })).rejects.toThrow(/append-only/);
    await expect(gw.db('client_history').delete()).rejects.toThrow(/append-only/);
    await expect(gw.db.raw('truncate client_history cascade')).rejects.toThrow(/append-only/);
    await expect(gw.db('client_kids').delete()).rejects.toThrow(/append-only/);
    await expect(gw.db('clients').update({ roles: ['dpo'] })).rejects.toThrow(/append-only/);
  });
});
