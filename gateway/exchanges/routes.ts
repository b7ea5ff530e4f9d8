import { fieldErrors, requestSchemaName, validatorFor } from '../../contracts/openapi.ts';
import { GatewayError } from '../http/problem.ts';
import type { Route } from '../http/route.ts';
import type { DecisionRecorder } from './decide-and-record.ts';
import { exchanges } from './catalogue.ts';
import type { ExchangeEnvelope, Upstreams } from './exchange-definition.ts';
import { UpstreamError } from '../upstream/upstream-client.ts';
import type { ExchangeRunner } from './run-exchange.ts';

export function exchangeRoutes(run: ExchangeRunner, record: DecisionRecorder, upstreams: Upstreams): Route[] {
  const byId = new Map(exchanges.map((def) => [def.id, def]));
  return [
    ...exchanges.map((def): Route => ({
      operationId: def.operationId,
      roles: ['partner'],
      handler: async ({ principal, body, requestId }) => ({ body: await run(def, principal!, body as ExchangeEnvelope, requestId) }),
    })),
    {
      // Evaluates a request without sending it; audited as a dry run, never counted against a cap.
      operationId: 'dryRunDecision',
      roles: ['partner', 'dpo', 'sro', 'registry-admin'],
      handler: async ({ principal, body, requestId }) => {
        const { exchange, asOf, party, request } = body as { exchange: string; asOf?: string; party?: string; request: unknown };
        const def = byId.get(exchange);
        if (!def) throw new GatewayError('invalid-request', 'exchange is not one the gateway governs', { errors: [{ field: 'exchange', message: 'is not a known exchange' }] });
        const isPartner = principal!.roles.includes('partner');
        if (isPartner && party && party !== principal!.party) throw new GatewayError('forbidden', 'A partner may only ask about its own requests');
        if (!isPartner && !party) throw new GatewayError('invalid-request', 'party is required: say on whose behalf the request is evaluated', { errors: [{ field: 'party', message: 'is required' }] });
        const validate = validatorFor(requestSchemaName(def.operationId)!);
        if (!validate(request)) {
          const errors = fieldErrors(validate.errors).map((e) => ({ ...e, field: `request.${e.field}` }));
          throw new GatewayError('invalid-request', errors.map((e) => `${e.field} ${e.message}`).join('; '), { errors });
        }
        const caller = { clientId: principal!.clientId, party: isPartner ? principal!.party : party! };
        // The same facts as a real request: the Home Office's own records are read, nothing is sent to a partner.
        let subject;
        try {
          subject = def.lookup ? (await def.lookup(upstreams, request as ExchangeEnvelope)).subject : undefined;
        } catch (error) {
          if (!(error instanceof UpstreamError)) throw error;
          throw new GatewayError(error.kind === 'timeout' ? 'upstream-timeout' : 'upstream-failed', `${error.message}, so the facts for a decision could not be gathered`);
        }
        const { decision } = await record(def, caller, request as ExchangeEnvelope, requestId, { asOf, dryRun: true, subject });
        return { body: decision };
      },
    },
  ];
}
