// A route is data beside its handler: the operation in openapi.yaml, who may call it, what it does.
// Method, path, request and parameter validation all come from openapi.yaml.
import type { Request, RequestHandler, Response, Router } from 'express';
import {
  fieldErrors, operation, parametersValidator, requestSchemaName, responseSchemaName, validatorFor,
} from '../../contracts/openapi.ts';
import type { Role } from '../auth/client-store.ts';
import type { Principal } from '../auth/principal.ts';
import { GatewayError } from './problem.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface HandlerContext<Body = unknown> {
  req: Request;
  principal: Principal | null;
  body: Body;
  params: Record<string, unknown>;
  requestId: string;
}

export interface Route {
  operationId: string;
  /** 'public' needs no token; otherwise the caller needs one of these roles. */
  roles: 'public' | Role[];
  handler(ctx: HandlerContext<any>): Promise<Reply>;
}

/** A JSON body checked against the contract, a body of another media type, or lines streamed as they are made. */
export type Reply =
  | { status?: number; body: unknown; type?: string }
  | { status?: number; lines: AsyncIterator<string>; type: string; headers?: Record<string, string> };

/** `source` is the caller's address, for throttling refused authentications before any database work. */
export type Authenticate = (authorization: string | undefined, source?: string) => Promise<Principal>;

/** Where a request comes from, for throttling refused authentications (address-throttle.ts). */
export type SourceOf = (req: Request) => string | undefined;

export function mountRoutes(router: Router, routes: Route[], authenticate: Authenticate, limiter: RateLimiter, sourceOf: SourceOf = (req) => req.socket.remoteAddress): void {
  for (const route of routes) {
    const { method, path } = operation(route.operationId);
    const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
    (router as unknown as Record<string, (p: string, h: RequestHandler) => void>)[method]!(expressPath, handle(route, authenticate, limiter, sourceOf));
  }
}

function handle(route: Route, authenticate: Authenticate, limiter: RateLimiter, sourceOf: SourceOf): RequestHandler {
  const bodySchema = requestSchemaName(route.operationId);
  const validateBody = bodySchema ? validatorFor(bodySchema) : null;
  const validateParams = parametersValidator(route.operationId);
  const okSchema = responseSchemaName(route.operationId, 200);
  const validateResponse = okSchema ? validatorFor(okSchema) : null;

  return async (req, res, next) => {
    try {
      let principal: Principal | null = null;
      if (route.roles !== 'public') {
        principal = await authenticate(req.get('authorization'), sourceOf(req));
        req.principal = principal;
        const turn = limiter.take(principal.clientId);
        if (!turn.allowed) {
          res.setHeader('retry-after', String(turn.retryAfterSeconds));
          throw new GatewayError('rate-limited', `This client has made too many requests; try again in ${turn.retryAfterSeconds} s`);
        }
        const allowed = route.roles;
        if (!principal.roles.some((r) => allowed.includes(r as Role))) {
          throw new GatewayError('forbidden', `This needs one of the roles: ${allowed.join(', ')}`);
        }
      }
      const params = { ...req.query, ...req.params };
      if (!validateParams(params)) throw invalid(validateParams.errors);
      if (validateBody && !validateBody(req.body)) throw invalid(validateBody.errors);
      const reply = await route.handler({ req, principal, body: req.body, params, requestId: req.id });
      if ('lines' in reply) {
        await streamLines(res, reply);
        return;
      }
      const { status = 200, body, type } = reply;
      if (type) {
        res.status(status).type(type).send(body);
        return;
      }
      if (status === 200 && validateResponse && !validateResponse(body)) {
        throw new Error(`response of ${route.operationId} breaks its contract: ${JSON.stringify(fieldErrors(validateResponse.errors).map((e) => e.field))}`);
      }
      res.status(status).json(body);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * Streams lines with back-pressure, so a large export never sits whole in memory. The first line is made before
 * the status is sent, so a refusal at the start is still a problem+json; a failure later cuts the connection, and
 * the export's manifest (its count and last hash) shows the file is incomplete.
 */
async function streamLines(res: Response, reply: Extract<Reply, { lines: unknown }>) {
  const first = await reply.lines.next();
  res.status(reply.status ?? 200).type(reply.type);
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  try {
    for (let next = first; !next.done; next = await reply.lines.next()) {
      if (!res.write(`${next.value}\n`)) await drainedOrClosed(res);
      if (res.destroyed) return;
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    // A client that went away leaves the rest unread: let the source close what it holds.
    if (!res.writableEnded) await reply.lines.return?.();
  }
}

/** Waits until the socket takes more, or is gone (a client that hangs up never drains). */
function drainedOrClosed(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => { res.off('drain', done); res.off('close', done); resolve(); };
    res.on('drain', done);
    res.on('close', done);
  });
}

function invalid(errors: Parameters<typeof fieldErrors>[0]) {
  const list = fieldErrors(errors);
  const detail = list.map((e) => `${e.field} ${e.message}`).join('; ');
  return new GatewayError('invalid-request', detail, { errors: list });
}
