// The client register's API (tag `clients` in openapi.yaml): registry administrators onboard partners' systems,
// rotate and revoke their keys, and suspend, reinstate or disable them.
import type { components } from '../../contracts/openapi-types.ts';
import type { ClientState } from '../auth/client-store.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { ClientCommands } from './commands.ts';

const record = (s: ClientState): components['schemas']['ClientRecord'] => ({
  id: s.id,
  party: s.party,
  displayName: s.displayName,
  roles: s.roles,
  status: s.status,
  // Keys are kept as registration checked them against the contract's PublicJwk (key-source.ts), but client-store.ts
  // types them loosely, as it does the keys it fetches from a jwksUri.
  jwks: s.jwks as components['schemas']['PublicJwks'] | null,
  jwksUri: s.jwksUri,
  revokedKids: s.revokedKids,
  callbackUrls: s.callbackUrls,
  recordedAt: s.recordedAt,
  actor: s.actor,
  action: s.action,
  reason: s.reason,
});

export function clientRoutes(commands: ClientCommands): Route[] {
  const actor = (ctx: { principal: { clientId: string } | null }) => ({ clientId: ctx.principal!.clientId });
  return [
    defineRoute({
      operationId: 'listClients',
      roles: ['registry-admin'],
      handler: async () => ({ body: { clients: (await commands.list()).map(record) } }),
    }),
    defineRoute({
      operationId: 'getClient',
      roles: ['registry-admin'],
      handler: async ({ params }) => {
        const history = await commands.history(params.clientId);
        if (history.length === 0) throw new GatewayError('not-found', `There is no client ${params.clientId}`);
        return { body: { client: record(history[history.length - 1]!), history: history.map(record) } };
      },
    }),
    defineRoute({
      operationId: 'registerClient',
      roles: ['registry-admin'],
      handler: async (ctx) => ({ status: 201, body: record(await commands.register(actor(ctx), ctx.body)) }),
    }),
    defineRoute({
      operationId: 'replaceClientKeys',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.replaceKeys(actor(ctx), ctx.params.clientId, ctx.body)),
      }),
    }),
    defineRoute({
      operationId: 'replaceClientCallbackUrls',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.replaceCallbackUrls(actor(ctx), ctx.params.clientId, ctx.body)),
      }),
    }),
    defineRoute({
      operationId: 'revokeClientKey',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.revokeKey(actor(ctx), ctx.params.clientId, ctx.body.kid, ctx.body.reason)),
      }),
    }),
    defineRoute({
      operationId: 'changeClientStatus',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.changeStatus(actor(ctx), ctx.params.clientId, ctx.body.action, ctx.body.reason)),
      }),
    }),
  ];
}
