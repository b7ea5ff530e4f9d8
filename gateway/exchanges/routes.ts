import { fieldErrors, requestSchemaName, validatorFor } from '../../contracts/openapi.ts';
import type { Principal } from '../../platform/principal.ts';
import { GatewayError } from '../../platform/http/problem.ts';
import { defineRoute, type HandlerContext, type Route } from '../../platform/http/route.ts';
import type { Viewer } from '../policy/caller-view.ts';
import { exchanges } from './catalogue.ts';
import type { ExchangeOf, ExchangeOperationId, ExchangeRequest, ExchangeResponse } from './exchange-definition.ts';
import type { RegisterView } from '../../mou-registry/register-cache.ts';
import { knownAtFor } from '../../mou-registry/as-known-on.ts';
import { monthlyCapItems } from '../../platform/http/rate-limit.ts';
import type { MonthlyCap } from '../policy/types.ts';
import type { ExchangePipeline } from './pipeline.ts';

/** The cap's standing as a RateLimit policy, where the decision shows it (to parties only). */
function capHeaders(decision: { monthlyCap?: MonthlyCap } | undefined, now: Date): Record<string, string> {
  if (!decision?.monthlyCap) return {};
  const items = monthlyCapItems(decision.monthlyCap, now);
  return { 'ratelimit-policy': items.policy, ratelimit: items.state };
}

/** The DPO reads every rule; anyone else, partners and officials alike, reads what the party itself may know. */
const viewerOf = (principal: Principal): Viewer => (principal.roles.includes('dpo') ? 'dpo' : 'caller');

/** One exchange's route as the shared handler serves it, typed from that exchange's own operation. */
interface ExchangeRoute<Op extends ExchangeOperationId> {
  operationId: Op;
  roles: ['partner'];
  handler: (
    ctx: HandlerContext<ExchangeRequest<Op>>,
  ) => Promise<{ body: ExchangeResponse<Op>; headers: Record<string, string> }>;
}

/**
 * Indexed by the exchange, so that the route made for "any one exchange" is the union of each one's, and defineRoute
 * checks each member against its own operation: its body, and its answer.
 */
type ExchangeRoutes<Ops extends ExchangeOperationId> = { [Op in Ops]: ExchangeRoute<Op> }[Ops];

/** `registerKnownBefore` reads the register as it had been told by a moment: a dry run's `asKnownOn`. */
export function exchangeRoutes(
  run: ExchangePipeline,
  registerKnownBefore: (before: string) => Promise<RegisterView>,
  clock: () => Date = () => new Date(),
): Route[] {
  const byId = new Map(exchanges.map((def) => [def.id, def]));
  // One handler serves every exchange. The body it is given is its exchange's request (mountRoutes has checked it
  // against that operation's schema), and what the definition's steps read.
  const governed = <Op extends ExchangeOperationId>(def: ExchangeOf<Op>): ExchangeRoutes<Op> => ({
    operationId: def.operationId,
    roles: ['partner'],
    handler: async ({ principal, body, requestId, req }) => {
      try {
        const answer = await run(def, principal!, body, {
          requestId,
          callerRequestId: req.callerRequestId,
          trace: req.trace,
          viewer: 'caller',
        });
        // The one place the answer is taken on trust: its outcome is one the definition gives, its result the
        // candidate the definition built, minimised; mountRoutes checks it against this operation's schema.
        return { body: answer as ExchangeResponse<Op>, headers: capHeaders(answer.decision, clock()) };
      } catch (error) {
        // A refusal or a partner's failure carries the decision, and so the cap's standing, too.
        if (error instanceof GatewayError)
          Object.assign(
            error.headers,
            capHeaders(error.extensions.decision as { monthlyCap?: MonthlyCap } | undefined, clock()),
          );
        throw error;
      }
    },
  });
  return [
    ...exchanges.map((def) => defineRoute(governed(def))),
    defineRoute({
      // Evaluates a request the same way without sending it; audited as a dry run, never counted against a cap.
      operationId: 'dryRunDecision',
      roles: ['partner', 'dpo', 'sro', 'registry-admin'],
      handler: async ({ principal, body, requestId, req }) => {
        const { exchange, asOf, asKnownOn, party, request } = body;
        const def = byId.get(exchange);
        if (!def)
          throw new GatewayError('invalid-request', 'exchange is not one the gateway governs', {
            errors: [{ field: 'exchange', message: 'is not a known exchange' }],
          });
        const isPartner = principal!.roles.includes('partner');
        if (isPartner && party && party !== principal!.party)
          throw new GatewayError('forbidden', 'A partner may only ask about its own requests');
        if (!isPartner && !party)
          throw new GatewayError('invalid-request', 'party is required: say on whose behalf the request is evaluated', {
            errors: [{ field: 'party', message: 'is required' }],
          });
        const validate = validatorFor(requestSchemaName(def.operationId)!);
        if (!validate(request)) {
          const errors = fieldErrors(validate.errors).map((e) => ({ ...e, field: `request.${e.field}` }));
          throw new GatewayError('invalid-request', errors.map((e) => `${e.field} ${e.message}`).join('; '), {
            errors,
          });
        }
        const known = knownAtFor(asKnownOn);
        const register = known && 'before' in known ? await registerKnownBefore(known.before) : undefined;
        const answer = await run(def, principal!, request, {
          requestId,
          callerRequestId: req.callerRequestId,
          trace: req.trace,
          viewer: viewerOf(principal!),
          dryRun: {
            party: isPartner ? principal!.party : party!,
            ...(asOf ? { asOf } : {}),
            ...(register ? { register } : {}),
          },
        });
        return { body: answer.decision };
      },
    }),
  ];
}
