// Step 1 of every request: a JWT signed with a registered client's key, or a 401 problem+json.
import { SignJWT, UnsecuredJWT, base64url, exportJWK, generateKeyPair } from 'jose';
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { childTracePath } from '../support/child-trace.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const call = (authorization?: string) => {
  const req = gw.http.post(childTracePath).send({});
  return authorization === undefined ? req : req.set('authorization', authorization);
};

async function expect401(authorization: string | undefined, detail: RegExp) {
  const res = await call(authorization);
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status: 401, code: 'unauthenticated' });
  expect(res.body.detail).toMatch(detail);
  expect(res.body.requestId).toBeTruthy();
  // RFC 7235 §3.1: every 401 names the scheme; RFC 6750 §3.1: invalid_token when a bearer token was sent and refused.
  expect(res.headers['www-authenticate']).toBe(
    /^bearer /i.test(authorization ?? '') ? 'Bearer error="invalid_token"' : 'Bearer',
  );
}

describe('tokens the gateway refuses', () => {
  it('no token', () => expect401(undefined, /bearer token/));
  it('not a bearer token', () => expect401('Basic dXNlcjpwYXNz', /bearer token/));
  it('malformed token', () => expect401('Bearer not.a.jwt', /well-formed/));

  it('expired token', async () => {
    const past = Math.floor(Date.now() / 1000) - 3600;
    await expect401(`Bearer ${await gw.token('ie-removals-casework', { iat: past - 60, exp: past })}`, /expired/);
  });

  it('token for another audience', async () => {
    await expect401(`Bearer ${await gw.token('ie-removals-casework', { aud: 'urn:some-other-service' })}`, /aud/);
  });

  it('token whose issuer is not the key owner', async () => {
    await expect401(`Bearer ${await gw.token('ie-removals-casework', { iss: 'dpo', sub: 'dpo' })}`, /issuer/);
  });

  it('token signed with an unknown key', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'someone-else' })
      .setIssuer('ie-removals-casework')
      .setSubject('ie-removals-casework')
      .setAudience(gw.config.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + 60)
      .sign(privateKey);
    await expect401(`Bearer ${token}`, /key the gateway does not know/);
  });

  it('token with alg none', async () => {
    const token = new UnsecuredJWT({
      iss: 'ie-removals-casework',
      sub: 'ie-removals-casework',
      aud: gw.config.audience,
    })
      .setIssuedAt()
      .setExpirationTime('5m')
      .encode();
    await expect401(`Bearer ${token}`, /ES256 or EdDSA/);
  });

  it('HS256 token keyed with the public key (algorithm confusion)', async () => {
    const key = gw.keys.get('ie-removals-casework')!;
    const header = base64url.encode(JSON.stringify({ alg: 'HS256', kid: key.kid }));
    const now = Math.floor(Date.now() / 1000);
    const payload = base64url.encode(
      JSON.stringify({ iss: key.clientId, sub: key.clientId, aud: gw.config.audience, iat: now, exp: now + 60 }),
    );
    const { d: _private, ...publicJwk } = key.privateJwk;
    const signature = createHmac('sha256', JSON.stringify(publicJwk))
      .update(`${header}.${payload}`)
      .digest('base64url');
    await expect401(`Bearer ${header}.${payload}.${signature}`, /ES256 or EdDSA/);
  });

  it('token whose payload was altered after signing', async () => {
    const [header, , signature] = (await gw.token('ie-removals-casework')).split('.');
    const now = Math.floor(Date.now() / 1000);
    const forged = base64url.encode(
      JSON.stringify({
        iss: 'ie-removals-casework',
        sub: 'ie-removals-casework',
        aud: gw.config.audience,
        iat: now,
        exp: now + 9999,
      }),
    );
    await expect401(`Bearer ${header}.${forged}.${signature}`, /signature/);
  });

  it('token signed by a key that is not the one registered for its kid', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    expect(await exportJWK(publicKey)).toBeTruthy();
    const key = gw.keys.get('ie-removals-casework')!;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .setIssuer(key.clientId)
      .setSubject(key.clientId)
      .setAudience(gw.config.audience)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect401(`Bearer ${token}`, /signature/);
  });
});

describe('the Authorization scheme', () => {
  it.each(['bearer', 'BEARER', 'bEaReR', 'Bearer '])('is read in any case, as RFC 7235 says (%j)', async (scheme) => {
    const res = await gw.http
      .get('/v1/register/collaborations')
      .set('authorization', `${scheme} ${await gw.token('sro')}`);
    expect(res.status).toBe(200);
  });

  it("refuses a token in another scheme's clothes, and a token with characters no JWT has", async () => {
    await expect401(`Basic ${await gw.token('sro')}`, /bearer token/);
    await expect401('bearer abc$def.ghi.jkl', /well-formed/);
    await expect401('Bearer', /bearer token/);
  });

  it('names the scheme on every 401, /metrics and the console included', async () => {
    const metrics = await gw.http.get('/metrics').set('authorization', 'bearer wrong-secret');
    expect(metrics.status).toBe(401);
    expect(metrics.headers['www-authenticate']).toBe('Bearer error="invalid_token"');
    expect((await gw.http.get('/metrics')).headers['www-authenticate']).toBe('Bearer');
    const console = await gw.http
      .post('/console/dpo/verification')
      .set('origin', gw.baseUrl)
      .type('form')
      .send({ csrf: 'x' });
    expect(console.status).toBe(401);
    expect(console.headers['www-authenticate']).toBe('Bearer');
  });
});

describe('roles come from the client register, not the token', () => {
  it('an SRO cannot call an exchange', async () => {
    const res = await gw.http
      .post(childTracePath)
      .set('authorization', `Bearer ${await gw.token('sro')}`)
      .send({});
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('a roles claim in the token grants nothing', async () => {
    const token = await gw.token('sro', { roles: ['partner', 'dpo'] });
    const res = await gw.http.get('/v1/audit/entries').set('authorization', `Bearer ${token}`);
    expect(res.status).toBe(403);
  });

  it('a partner cannot search the whole audit log', async () => {
    const res = await gw.http
      .get('/v1/audit/entries')
      .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`);
    expect(res.status).toBe(403);
  });
});
