// The audit API: a DPO reads and searches everything; a party reads the entries of its own exchanges.
import { GatewayError } from '../gateway/http/problem.ts';
import type { Route } from '../gateway/http/route.ts';
import type { AuditReader } from './read.ts';

export function auditRoutes(reader: AuditReader): Route[] {
  return [
    {
      operationId: 'listAuditEntries',
      roles: ['dpo'],
      handler: async ({ params }) => ({ body: { entries: await reader.search(params as unknown as Parameters<AuditReader['search']>[0]) } }),
    },
    {
      operationId: 'getAuditEntry',
      roles: ['dpo', 'partner'],
      handler: async ({ params, principal }) => {
        const entry = await reader.byId(params.auditId as string);
        const mayRead = entry && (principal!.roles.includes('dpo') || entry.body.party === principal!.party);
        if (!entry || !mayRead) throw new GatewayError('not-found', 'There is no audit entry with that id that you may read');
        return { body: { entry, outcomes: await reader.outcomesOf(entry.id) } };
      },
    },
  ];
}
