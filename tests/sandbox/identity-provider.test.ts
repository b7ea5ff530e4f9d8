// The sandbox identity provider: a real OpenID Provider whose discovery document a relying party can use, and a
// busy port named by its setting.
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { portSettings } from '../../platform/config.ts';
import { PortUnavailableError } from '../../platform/http/listen.ts';
import { demoPeople, startIdentityProvider } from '../../sandbox/identity-provider.ts';

const client = {
  clientId: 'gateway-console',
  clientSecret: 'x'.repeat(43),
  redirectUri: 'http://127.0.0.1:8080/console/sign-in/callback',
};
const closing: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const close of closing) await close();
});

describe('the sandbox identity provider', () => {
  it('publishes its metadata: the code flow with S256 PKCE only', async () => {
    const idp = await startIdentityProvider(
      { host: '127.0.0.1', port: 0, setting: portSettings.identityProvider },
      demoPeople,
      client,
    );
    closing.push(idp.close);
    const metadata = (await (await fetch(`${idp.issuer}/.well-known/openid-configuration`)).json()) as Record<
      string,
      unknown
    >;
    expect(metadata.issuer).toBe(idp.issuer);
    expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
    expect(metadata.response_types_supported).toContain('code');
  });

  it('says in one line which setting to change when its port is taken', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    closing.push(() => new Promise((resolve) => holder.close(() => resolve())));
    const taken = (holder.address() as net.AddressInfo).port;
    const started = startIdentityProvider(
      { host: '127.0.0.1', port: taken, setting: portSettings.identityProvider },
      demoPeople,
      client,
    );
    await expect(started).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(started).rejects.toThrow(
      `The sandbox identity provider cannot listen on 127.0.0.1:${taken} (EADDRINUSE): the port is already in use. Set SANDBOX_IDP_PORT to a free port, or set OIDC_ISSUER to use another identity provider.`,
    );
  });
});
