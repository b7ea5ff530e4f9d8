// The obligations API: SROs and DPOs follow them; the responsible party (a partner client, or the Home Office's
// SRO) confirms one was done.
import type { Route } from '../../platform/http/route.ts';
import type { ObligationStatus } from './obligations.ts';
import type { Obligations } from './service.ts';

export function obligationRoutes(obligations: Obligations): Route[] {
  return [
    {
      operationId: 'listObligations',
      roles: ['sro', 'dpo'],
      handler: async ({ params }) => ({ body: await obligations.list(params.status as ObligationStatus | undefined) }),
    },
    {
      operationId: 'confirmObligation',
      roles: ['partner', 'sro'],
      handler: async ({ principal, params, requestId }) => ({
        status: 201,
        body: await obligations.confirm(principal!, params.obligationId as string, requestId),
      }),
    },
  ];
}
