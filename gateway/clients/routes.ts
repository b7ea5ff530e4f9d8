// The client register's API (tag `clients` in openapi.yaml): registry administrators onboard partners' systems,
// rotate and revoke their keys, and suspend, reinstate or disable them.
import type { ClientState } from '../auth/client-store.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { Route } from '../../platform/http/route.ts';
import type { ClientCommands } from './commands.ts';

const record = (s: ClientState) => ({
  id: s.id,
  party: s.party,
  displayName: s.displayName,
  roles: s.roles,
  status: s.status,
  jwks: s.jwks,
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
  const clientId = (params: Record<string, unknown>) => params.clientId as string;
  return [
    {
      operationId: 'listClients',
      roles: ['registry-admin'],
      handler: async () => ({ body: { clients: (await commands.list()).map(record) } }),
    },
    {
      operationId: 'getClient',
      roles: ['registry-admin'],
      handler: async ({ params }) => {
        const history = await commands.history(clientId(params));
        if (history.length === 0) throw new GatewayError('not-found', `There is no client ${clientId(params)}`);
        return { body: { client: record(history[history.length - 1]!), history: history.map(record) } };
      },
    },
    {
      operationId: 'registerClient',
      roles: ['registry-admin'],
      handler: async (ctx) => ({ status: 201, body: record(await commands.register(actor(ctx), ctx.body)) }),
    },
    {
      operationId: 'replaceClientKeys',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.replaceKeys(actor(ctx), clientId(ctx.params), ctx.body)),
      }),
    },
    {
      operationId: 'replaceClientCallbackUrls',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.replaceCallbackUrls(actor(ctx), clientId(ctx.params), ctx.body)),
      }),
    },
    {
      operationId: 'revokeClientKey',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.revokeKey(actor(ctx), clientId(ctx.params), ctx.body.kid, ctx.body.reason)),
      }),
    },
    {
      operationId: 'changeClientStatus',
      roles: ['registry-admin'],
      handler: async (ctx) => ({
        body: record(await commands.changeStatus(actor(ctx), clientId(ctx.params), ctx.body.action, ctx.body.reason)),
      }),
    },
  ];
}
