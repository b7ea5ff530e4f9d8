// Console sign-in where the gateway proves itself to the identity provider with a private key (private_key_jwt)
// rather than a shared secret, walked over plain HTTP as a browser would (each redirect followed, each site's
// cookies kept apart), against a real OpenID Provider.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoPeople, listenIdentityProvider } from '../../sandbox/identity-provider.ts';
import { mapDemoPeople } from '../../sandbox/start.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
let idp: Awaited<ReturnType<typeof listenIdentityProvider>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gw-oidc-key-'));

beforeAll(async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = `console-${randomBytes(4).toString('hex')}`;
  const keyFile = path.join(dir, 'oidc-key.json');
  fs.writeFileSync(keyFile, JSON.stringify({ ...(await exportJWK(privateKey)), kid, alg: 'ES256' }), { mode: 0o600 });
  idp = await listenIdentityProvider({ host: '127.0.0.2', port: 0, setting: 'SANDBOX_IDP_PORT' });
  gw = await startTestGateway({
    sandbox: false,
    oidc: (baseUrl) => ({
      issuer: idp.issuer,
      clientId: 'gateway-console',
      clientSecret: null,
      privateKeyFile: keyFile,
      redirectUrl: `${baseUrl}/console/sign-in/callback`,
      groupsClaim: 'groups',
      providerName: 'the identity provider',
    }),
  });
  await idp.serve(demoPeople, {
    clientId: 'gateway-console',
    jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' }] },
    redirectUri: gw.config.oidc!.redirectUrl,
  });
  await mapDemoPeople(gw.people, { info: () => undefined } as never);
});
afterAll(async () => {
  await gw?.close();
  await idp?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A browser's cookie jar, one per host: enough for two sites that each set their own. */
function browserLike() {
  const jar = new Map<string, Map<string, string>>();
  async function go(url: string, init: RequestInit = {}): Promise<{ url: string; res: Response }> {
    for (let hops = 0; hops < 10; hops += 1) {
      const host = new URL(url).host;
      const cookies = jar.get(host) ?? new Map<string, string>();
      jar.set(host, cookies);
      const res = await fetch(url, {
        ...init,
        redirect: 'manual',
        headers: {
          ...(init.headers as Record<string, string>),
          cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = pair!.indexOf('=');
        const [name, value] = [pair!.slice(0, at), pair!.slice(at + 1)];
        if (/max-age=0|expires=thu, 01 jan 1970/i.test(line)) cookies.delete(name);
        else cookies.set(name, value);
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status > 399 || !location) return { url, res };
      url = new URL(location, url).href;
      init = {};
    }
    throw new Error('too many redirects');
  }
  return { go, cookiesOf: (url: string) => jar.get(new URL(url).host) ?? new Map() };
}

it('signs a DPO in, the gateway authenticating to the provider with its private key', async () => {
  const browser = browserLike();
  const chooser = await browser.go(`${gw.baseUrl}/console/sign-in/oidc`);
  expect(chooser.url.startsWith(`${idp.issuer}/interaction/`)).toBe(true);
  const page = await chooser.res.text();
  const action = /action="([^"]+)"/.exec(page)![1]!;
  const back = await browser.go(new URL(action, chooser.url).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `person=${demoPeople[0]!.subject}`,
  });
  expect(back.url.startsWith(`${gw.baseUrl}/console/sign-in/callback?`)).toBe(true);
  expect(back.res.status).toBe(200);
  expect(await back.res.text()).toContain('You are signed in');
  const console = await browser.go(`${gw.baseUrl}/console`);
  expect(console.url).toBe(`${gw.baseUrl}/console/dpo`);
  expect(await console.res.text()).toContain('Signed in as Dana Whitfield (dpo)');
});
