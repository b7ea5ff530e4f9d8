// The rest of RFC 8725's cases beyond tests/auth: claims in the wrong time, critical headers the gateway does not
// understand, keys smuggled in the header, and a key id that is an attack string or text PostgreSQL refuses (a NUL
// byte). Each is a 401 problem+json and nothing is written to the audit log.
import { createPrivateKey, sign, type JsonWebKey } from 'node:crypto';
import { SignJWT, exportJWK, generateKeyPair, importJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childTracePath } from '../support/child-trace.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const now = () => Math.floor(Date.now() / 1000);
const auditCount = async () => Number((await gw.db('audit_log').count({ n: '*' }).first())!.n);

async function refused(token: string) {
  const before = await auditCount();
  const res = await gw.http.post(childTracePath).set('authorization', `Bearer ${token}`).send({});
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.code).toBe('unauthenticated');
  expect(await auditCount()).toBe(before);
  return res.body.detail as string;
}

/** A token from the real client key with a header and claims a test chooses. */
async function signed(claims: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const key = gw.keys.get('ie-removals-casework')!;
  return new SignJWT({
    iss: key.clientId,
    sub: key.clientId,
    aud: gw.config.audience,
    iat: now(),
    exp: now() + 300,
    ...claims,
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, ...header })
    .sign(await importJWK(key.privateJwk, 'ES256'));
}

describe('tokens whose times are wrong', () => {
  it('is not valid yet (nbf in the future)', async () => {
    expect(await refused(await signed({ nbf: now() + 600 }))).toMatch(/nbf/);
  });

  it('claims to be issued in the future', async () => {
    expect(await refused(await signed({ iat: now() + 600, exp: now() + 900 }))).toMatch(/iat/);
  });

  it('was issued longer ago than the gateway accepts, even with a far expiry', async () => {
    const iat = now() - gw.config.tokenMaxAgeSeconds - 60;
    expect(await refused(await signed({ iat, exp: now() + 86_400 }))).toMatch(/iat|not acceptable|expired/);
  });

  it('has no expiry', async () => {
    const key = gw.keys.get('ie-removals-casework')!;
    const token = await new SignJWT({ iss: key.clientId, sub: key.clientId, aud: gw.config.audience, iat: now() })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid })
      .sign(await importJWK(key.privateJwk, 'ES256'));
    expect(await refused(token)).toMatch(/exp/);
  });
});

describe('tokens whose header asks for trust it cannot have', () => {
  it('marks as critical an extension the gateway does not understand', async () => {
    // jose will not sign such a header, so it is signed by hand with the client's real key.
    const key = gw.keys.get('ie-removals-casework')!;
    const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const input = `${part({ alg: 'ES256', kid: key.kid, crit: ['x-delegation'], 'x-delegation': 'dpo' })}.${part({ iss: key.clientId, sub: key.clientId, aud: gw.config.audience, iat: now(), exp: now() + 300 })}`;
    const signature = sign('sha256', Buffer.from(input), {
      key: createPrivateKey({ key: key.privateJwk as JsonWebKey, format: 'jwk' }),
      dsaEncoding: 'ieee-p1363',
    });
    await refused(`${input}.${signature.toString('base64url')}`);
  });

  it('carries its own public key in the header (jwk) for a forged signature', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const key = gw.keys.get('ie-removals-casework')!;
    const token = await new SignJWT({
      iss: key.clientId,
      sub: key.clientId,
      aud: gw.config.audience,
      iat: now(),
      exp: now() + 300,
    })
      .setProtectedHeader({ alg: 'ES256', kid: key.kid, jwk: await exportJWK(publicKey) })
      .sign(privateKey);
    expect(await refused(token)).toMatch(/signature/);
  });

  it('points at a key set elsewhere (jku) that the gateway never fetches', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const token = await new SignJWT({ iss: 'dpo', sub: 'dpo', aud: gw.config.audience, iat: now(), exp: now() + 300 })
      .setProtectedHeader({ alg: 'ES256', kid: 'attacker', jku: 'http://127.0.0.1:9/keys.json' })
      .sign(privateKey);
    expect(await refused(token)).toMatch(/does not know/);
  });

  it.each([["' OR '1'='1"], ['../../client-keys/dpo'], ['x'.repeat(5000)]])(
    'names a key id that is an attack string (%#)',
    async (kid) => {
      const { privateKey } = await generateKeyPair('ES256');
      const token = await new SignJWT({ iss: 'dpo', sub: 'dpo', aud: gw.config.audience, iat: now(), exp: now() + 300 })
        .setProtectedHeader({ alg: 'ES256', kid })
        .sign(privateKey);
      const detail = await refused(token);
      expect(detail).not.toContain(kid.slice(0, 20));
    },
  );

  it.each([['\u0000'], ['dpo-key\u0000'], ['tab\tin-it'], ['caf\u00e9'], ['\u007f'], ['k'.repeat(129)]])(
    'names a key id no key could have (%j) and is refused before the database is asked',
    async (kid) => {
      const { privateKey } = await generateKeyPair('ES256');
      const token = await new SignJWT({ iss: 'dpo', sub: 'dpo', aud: gw.config.audience, iat: now(), exp: now() + 300 })
        .setProtectedHeader({ alg: 'ES256', kid })
        .sign(privateKey);
      const queries: string[] = [];
      const note = (query: { sql: string }) => queries.push(query.sql);
      gw.db.on('query', note);
      try {
        expect(await refused(token)).toMatch(/key id \(kid\) is not one the gateway could know/);
      } finally {
        gw.db.off('query', note);
      }
      expect(queries.filter((sql) => sql.includes('client_'))).toEqual([]);
    },
  );

  it('is signed RS256 with a key of the right id', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const key = gw.keys.get('ie-removals-casework')!;
    const token = await new SignJWT({
      iss: key.clientId,
      sub: key.clientId,
      aud: gw.config.audience,
      iat: now(),
      exp: now() + 300,
    })
      .setProtectedHeader({ alg: 'RS256', kid: key.kid })
      .sign(privateKey);
    expect(await refused(token)).toMatch(/ES256 or EdDSA/);
  });
});
