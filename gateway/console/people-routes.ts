// The register of people over the API: registry administrators read it and give or take console roles.
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { PeopleRegister } from './people.ts';

export function peopleRoutes(people: PeopleRegister): Route[] {
  const actor = (ctx: { principal: { clientId: string } | null }) => ctx.principal!.clientId;
  return [
    defineRoute({
      operationId: 'listConsolePeople',
      roles: ['registry-admin'],
      handler: async () => ({ body: { mappings: await people.list() } }),
    }),
    defineRoute({
      operationId: 'grantConsoleRole',
      roles: ['registry-admin'],
      handler: async (ctx) => ({ status: 201, body: await people.grant(actor(ctx), ctx.body) }),
    }),
    defineRoute({
      operationId: 'revokeConsoleRole',
      roles: ['registry-admin'],
      handler: async (ctx) => {
        await people.revoke(actor(ctx), ctx.body);
        return { status: 204, body: '', type: 'text/plain' };
      },
    }),
  ];
}
