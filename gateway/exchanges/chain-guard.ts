// Fail closed on a broken audit chain: while a check has found the log altered and no verification of the whole
// log has passed since, no exchange is made. The gateway's promise is that every disclosure is recorded, before it
// is made, in a log that can be trusted; a log known to be altered cannot be, so nothing more is disclosed until a
// DPO has looked (audit/chain-health.ts). Dry runs disclose nothing and still answer; so do the console, the audit
// API and the register, which the DPO needs in order to investigate.
import type { ChainHealth } from '../../audit/chain-health.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import type { OperationId, Route } from '../../platform/http/route.ts';
import { exchanges } from './catalogue.ts';

const exchangeOperations = new Set<OperationId>(exchanges.map((e) => e.operationId));

export function refusedWhileChainBroken(routes: Route[], health: { current(): ChainHealth }): Route[] {
  return routes.map((route) =>
    !exchangeOperations.has(route.operationId)
      ? route
      : {
          ...route,
          handler: async (ctx) => {
            const chain = health.current();
            if (chain.status === 'broken') {
              throw new GatewayError(
                'audit-unavailable',
                `The audit log does not verify${chain.firstBadSeq ? ` from entry ${chain.firstBadSeq}` : ''} (found ${chain.since}). ` +
                  "No exchange is made until a Data Protection Officer's verification of the whole log passes. Nothing was shared.",
              );
            }
            return route.handler(ctx);
          },
        },
  );
}
