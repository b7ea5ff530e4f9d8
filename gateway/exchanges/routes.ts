import type { Route } from '../http/route.ts';
import { dfeChildTrace } from './dfe-child-trace.ts';
import type { ExchangeDefinition, ExchangeEnvelope } from './exchange-definition.ts';
import type { ExchangeRunner } from './run-exchange.ts';

export const exchanges: ExchangeDefinition<any, string>[] = [dfeChildTrace];

export function exchangeRoutes(run: ExchangeRunner): Route[] {
  return exchanges.map((def) => ({
    operationId: def.operationId,
    roles: ['partner'],
    handler: async ({ principal, body, requestId }) => ({ body: await run(def, principal!, body as ExchangeEnvelope, requestId) }),
  }));
}
