// Standard Webhooks (https://www.standardwebhooks.com), with its asymmetric scheme: webhook-id, webhook-timestamp
// (Unix seconds) and webhook-signature `v1a,<base64 Ed25519 signature>` over `<id>.<timestamp>.<body>`. The keys
// are published at /.well-known/callback-keys.json, so a partner verifies with the public key alone and nothing
// secret is shared with it; a forged or altered callback does not verify.
import { KeyObject, createPublicKey, sign, verify } from 'node:crypto';
import type { AuditKeyRing, Jwks } from '../../../audit/signing-keys.ts';

export const callbackKeysPath = '/.well-known/callback-keys.json';

export type CallbackHeaders = { 'webhook-id': string; 'webhook-timestamp': string; 'webhook-signature': string };

const signedText = (id: string, timestamp: string, body: string) => Buffer.from(`${id}.${timestamp}.${body}`, 'utf8');

export async function signCallback(
  keys: Pick<AuditKeyRing, 'active'>,
  id: string,
  body: string,
  now: Date,
): Promise<CallbackHeaders> {
  const key = await keys.active();
  const timestamp = String(Math.floor(now.getTime() / 1000));
  const signature = sign(null, signedText(id, timestamp, body), KeyObject.from(key.privateKey)).toString('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1a,${signature}` };
}

/** What a partner does (README, "Batches"): true if any `v1a` signature verifies with any published key. */
export function verifyCallback(jwks: Jwks, headers: Record<string, string | undefined>, body: string): boolean {
  const id = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (!id || !timestamp) return false;
  const text = signedText(id, timestamp, body);
  const signatures = (headers['webhook-signature'] ?? '')
    .split(' ')
    .filter((s) => s.startsWith('v1a,'))
    .map((s) => s.slice(4));
  return jwks.keys.some((jwk) => {
    const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
    return signatures.some((sig) => verify(null, text, key, Buffer.from(sig, 'base64')));
  });
}
