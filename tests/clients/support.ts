// What a partner's own system does when it is onboarded: make a key pair, keep the private half, hand over the public
// half (inline, or published at a JWKS URL of its own), and sign short-lived tokens with it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface PartnerKey {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  publicJwk: JWK;
  privateKey: CryptoKey;
}

export async function partnerKey(kid: string, alg: 'ES256' | 'EdDSA' = 'ES256'): Promise<PartnerKey> {
  const { publicKey, privateKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, publicJwk: { ...(await exportJWK(publicKey)), kid }, privateKey };
}

export const jwksOf = (...keys: PartnerKey[]) => ({ keys: keys.map((k) => k.publicJwk) });

export async function partnerToken(clientId: string, key: PartnerKey, audience: string): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: key.alg, kid: key.kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime('5m')
    .setJti(crypto.randomUUID())
    .sign(key.privateKey);
}

/** A partner's JWKS endpoint over real HTTP, which a test can make slow or oversized. */
export async function startJwksServer(initial: object) {
  let body = JSON.stringify(initial);
  let delayMs = 0;
  let fetches = 0;
  const server = http.createServer((_req, res) => {
    fetches += 1;
    const answer = () => {
      res.setHeader('content-type', 'application/json');
      res.end(body);
    };
    if (delayMs > 0) setTimeout(answer, delayMs).unref();
    else answer();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${base}/.well-known/jwks.json`,
    fetches: () => fetches,
    serve(next: object | string) {
      body = typeof next === 'string' ? next : JSON.stringify(next);
    },
    slow(ms: number) {
      delayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
