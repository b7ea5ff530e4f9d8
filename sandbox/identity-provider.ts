// The sandbox's identity provider: a real OpenID Provider (oidc-provider, a certified implementation) holding a few
// demonstration people, so that `npm start` offers the console's production sign-in, not a shortcut. Its one page
// lets you choose who to be. Started only by a sandbox start (sandbox/start.ts) and by tests; oidc-provider is
// imported when it starts, so a production build never loads it.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import { html } from '../gateway/console/html.ts';
import { listen } from '../platform/http/listen.ts';
import { MemoryAdapter } from './identity-provider-store.ts';

export interface DemoPerson {
  subject: string;
  name: string;
  groups: string[];
  who: string;
}

/** The people the sandbox knows; which of them have a console role is the register of people's business. */
export const demoPeople: DemoPerson[] = [
  {
    subject: 'sandbox-dpo-0001',
    name: 'Dana Whitfield',
    groups: ['gateway-dpo', 'home-office-staff'],
    who: 'Data Protection Officer, by the gateway-dpo group',
  },
  {
    subject: 'sandbox-sro-0001',
    name: 'Sam Okafor',
    groups: ['home-office-staff'],
    who: 'Senior Responsible Officer, by her subject',
  },
  {
    subject: 'sandbox-staff-0001',
    name: 'Uma Patel',
    groups: ['home-office-staff'],
    who: 'a member of staff with no console role',
  },
];

/** Where it listens: 127.0.0.1 for `npm start`; a test may choose another loopback address, so that it is another site. */
export interface Listening {
  host: string;
  port: number;
  setting: string;
}
/** The console as the provider's client: with a secret (client_secret_basic), or public keys (private_key_jwt). */
export interface ConsoleClient {
  clientId: string;
  clientSecret?: string;
  jwks?: { keys: object[] };
  redirectUri: string;
}

export interface RunningIdentityProvider {
  issuer: string;
  close(): Promise<void>;
}

export async function startIdentityProvider(
  at: Listening,
  people: DemoPerson[],
  client: ConsoleClient,
): Promise<RunningIdentityProvider> {
  const listening = await listenIdentityProvider(at);
  try {
    await listening.serve(people, client);
  } catch (error) {
    await listening.close();
    throw error;
  }
  return listening;
}

/**
 * Listens first and serves once told its client: the issuer (with the port) must be known to the gateway before the
 * gateway's own address, the client's redirect, is known to the provider, when both take any free port (tests).
 */
export async function listenIdentityProvider(at: Listening) {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.statusCode = 503;
    res.end();
  };
  const server = await listen((req, res) => handle(req, res), {
    what: 'The sandbox identity provider',
    host: at.host,
    port: at.port,
    setting: at.setting,
    hint: 'or set OIDC_ISSUER to use another identity provider',
  });
  const issuer = `http://${at.host}:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return {
    issuer,
    close,
    serve: async (people: DemoPerson[], client: ConsoleClient) => {
      handle = await providerFor(issuer, people, client);
    },
  };
}

async function providerFor(
  issuer: string,
  people: DemoPerson[],
  client: ConsoleClient,
): Promise<(req: IncomingMessage, res: ServerResponse) => void> {
  const { default: Provider } = await import('oidc-provider');
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: 'sandbox-idp-1', alg: 'RS256', use: 'sig' };
  const byId = new Map(people.map((p) => [p.subject, p]));

  const provider = new Provider(issuer, {
    adapter: MemoryAdapter,
    clients: [
      {
        client_id: client.clientId,
        redirect_uris: [client.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        ...(client.jwks
          ? { token_endpoint_auth_method: 'private_key_jwt', jwks: client.jwks }
          : { token_endpoint_auth_method: 'client_secret_basic', client_secret: client.clientSecret }),
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    pkce: { required: () => true, methods: ['S256'] },
    // Groups go with the profile, and into the ID token, as a department's provider would put them.
    claims: { openid: ['sub'], profile: ['name', 'groups'] },
    conformIdTokenClaims: false,
    ttl: {
      AuthorizationCode: 60,
      IdToken: 600,
      AccessToken: 600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    async findAccount(_ctx: unknown, sub: string) {
      const person = byId.get(sub);
      return person && { accountId: sub, claims: async () => ({ sub, name: person.name, groups: person.groups }) };
    },
    // The console is the provider's own first-party client: no consent screen.
    async loadExistingGrant(ctx: {
      oidc: {
        client: { clientId: string };
        session: { accountId: string; grantIdFor(id: string): string | undefined };
        result?: { consent?: { grantId?: string } };
        provider: { Grant: GrantClass };
      };
    }) {
      const { Grant } = ctx.oidc.provider;
      const grantId = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return Grant.find(grantId);
      const grant = new Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile');
      await grant.save();
      return grant;
    },
  });
  const oidc = provider.callback();

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const at = /^\/interaction\/([\w-]{1,64})(\/login)?$/.exec((req.url ?? '').split('?')[0]!);
    if (!at) return oidc(req, res);
    interaction(req, res, at[2] === '/login').catch(() => {
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  };

  async function interaction(req: IncomingMessage, res: ServerResponse, login: boolean) {
    const details = await provider.interactionDetails(req, res);
    if (login && req.method === 'POST') {
      const form = new URLSearchParams(await body(req));
      const person = byId.get(form.get('person') ?? '');
      if (!person)
        return provider.interactionFinished(
          req,
          res,
          { error: 'access_denied', error_description: 'no such person' },
          { mergeWithLastSubmission: false },
        );
      return provider.interactionFinished(
        req,
        res,
        { login: { accountId: person.subject } },
        { mergeWithLastSubmission: false },
      );
    }
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.setHeader('cache-control', 'no-store');
    res.end(choosePage(details.uid, people).text);
  }
  return handle;
}

interface GrantInstance {
  addOIDCScope(scope: string): void;
  save(): Promise<string>;
}
interface GrantClass {
  new (init: { clientId: string; accountId: string }): GrantInstance;
  find(id: string): Promise<GrantInstance | undefined>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 4096) req.destroy();
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

const choosePage = (uid: string, people: DemoPerson[]) => html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Sandbox identity provider</title></head>
<body><main>
<h1>Sandbox identity provider</h1>
<p>This stands in for the department's identity provider. Choose who to sign in as.</p>
${people.map(
  (
    p,
  ) => html`<form method="post" action="/interaction/${uid}/login"><input type="hidden" name="person" value="${p.subject}">
<button type="submit">Sign in as ${p.name}</button> <span>(${p.who})</span></form>`,
)}
</main></body></html>`;
