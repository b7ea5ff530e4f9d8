// The obligations API: SROs and DPOs follow them; the responsible party (a partner client, or the Home Office's
// SRO) confirms one was done.
import { defineRoute, type Route } from '../../platform/http/route.ts';
import type { Obligations } from './service.ts';

export function obligationRoutes(obligations: Obligations): Route[] {
  return [
    defineRoute({
      operationId: 'listObligations',
      roles: ['sro', 'dpo'],
      handler: async ({ params }) => ({ body: await obligations.list(params.status) }),
    }),
    defineRoute({
      operationId: 'confirmObligation',
      roles: ['partner', 'sro'],
      handler: async ({ principal, params, requestId }) => ({
        status: 201,
        body: await obligations.confirm(principal!, params.obligationId, requestId),
      }),
    }),
  ];
}
