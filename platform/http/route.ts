// A route is data beside its handler: the operation in openapi.yaml, who may call it, what it does.
// Method, path, request and parameter validation all come from openapi.yaml.
import type { Request, RequestHandler, Response, Router } from 'express';
import {
  type FieldError,
  fieldErrors,
  operation,
  parametersOf,
  parametersValidator,
  requestSchemaName,
  responseSchemaName,
  validatorFor,
} from '../../contracts/openapi.ts';
import type { operations } from '../../contracts/openapi-types.ts';
import type { Principal, Role } from '../principal.ts';
import { parseIdempotencyKey, type Claim, type IdempotencyStore, type StoredAnswer } from './idempotency.ts';
import { GatewayError } from './problem.ts';
import { rateLimitItems, type RateLimiter } from './rate-limit.ts';
import { tracingOff, type Tracing } from '../tracing.ts';

export interface HandlerContext<Body = unknown, Params = Record<string, unknown>> {
  req: Request;
  principal: Principal | null;
  body: Body;
  /** Path and query parameters in one object, checked (and coerced) against the operation's parameters. */
  params: Params;
  requestId: string;
}

export type OperationId = keyof operations;

/** A route as mountRoutes takes it: its types erased, the contract checking each request at run time instead. */
export interface Route {
  operationId: OperationId;
  /** 'public' needs no token; otherwise the caller needs one of these roles. */
  roles: 'public' | Role[];
  handler(ctx: HandlerContext): Promise<Reply>;
  /** A body read its own way (a batch: a JSON array or NDJSON, with a limit of its own); still after authentication. */
  readBody?: RequestHandler;
}

/** A JSON body checked against the contract, a body of another media type, or lines streamed as they are made. */
export type Reply =
  | { status?: number; body: unknown; type?: string; headers?: Record<string, string> }
  | { status?: number; lines: AsyncIterator<string>; type: string; headers?: Record<string, string> };

// What openapi.yaml (through contracts/openapi-types.ts) says an operation takes and answers.
type Operation<Op extends OperationId> = operations[Op];
type Present<T> = [NonNullable<T>] extends [never] ? Record<never, never> : NonNullable<T>;
type JsonContent<T> = T extends { content: { 'application/json': infer Json } } ? Json : never;

/** The JSON request body; an operation that declares none gets `unknown` (nothing was checked). */
export type RequestBodyOf<Op extends OperationId> = [NonNullable<Operation<Op>['requestBody']>] extends [never]
  ? unknown
  : JsonContent<NonNullable<Operation<Op>['requestBody']>>;

/** Path and query parameters merged, as the route merges them into `params`. */
export type ParamsOf<Op extends OperationId> = Present<Operation<Op>['parameters']['path']> &
  Present<Operation<Op>['parameters']['query']>;

type Responses<Op extends OperationId> = Operation<Op>['responses'];
type Successes<Op extends OperationId> = Extract<keyof Responses<Op>, 200 | 201 | 202 | 204>;

/** The JSON body of each success, keyed by its status; a 200 may leave its status out. */
type JsonReplies<Op extends OperationId> = {
  [S in Successes<Op>]: [JsonContent<Responses<Op>[S]>] extends [never]
    ? never
    : (S extends 200 ? { status?: 200 } : { status: S }) & {
        body: JsonContent<Responses<Op>[S]>;
        headers?: Record<string, string>;
      };
}[Successes<Op>];

/** A success answered without JSON (no content, text, a stream of lines): those keep a looser reply, by its type. */
type OtherMedia<Op extends OperationId> = {
  [S in Successes<Op>]: Responses<Op>[S] extends { content: infer Content }
    ? Exclude<keyof Content, 'application/json'>
    : S;
}[Successes<Op>];

type OtherReply =
  | { status?: number; body: unknown; type: string; headers?: Record<string, string> }
  | Extract<Reply, { lines: unknown }>;

/** The JSON body of an operation's 200 answer (`never` where it has none). */
export type AnswerOf<Op extends OperationId> = JsonContent<Responses<Op>[Extract<Successes<Op>, 200>]>;

export type ReplyOf<Op extends OperationId> = JsonReplies<Op> | ([OtherMedia<Op>] extends [never] ? never : OtherReply);

export type OperationContext<Op extends OperationId> = HandlerContext<RequestBodyOf<Op>, ParamsOf<Op>>;

export interface OperationRoute<Op extends OperationId> {
  operationId: Op;
  /** 'public' needs no token; otherwise the caller needs one of these roles. */
  roles: 'public' | Role[];
  /** A property, not a method, so that a wrong answer is reported where it is returned. */
  handler: (ctx: OperationContext<Op>) => Promise<ReplyOf<Op>>;
  /** A body read its own way instead of as one JSON document (RouteDeps.readBody); still after authentication. */
  readBody?: RequestHandler;
}

/** A route of any one operation: a union discriminated by operationId. */
export type AnyOperationRoute = { [Op in OperationId]: OperationRoute<Op> }[OperationId];

/**
 * Checks a handler against its operation's body, parameters and success answers, and erases the types for mounting.
 * Two signatures, for TypeScript's sake. The union (first) keeps the literals in an answer as written: with a type
 * parameter alone, the answer is inferred before Op is fixed, and { status: 'alive' } widens to string. The type
 * parameter (second) gives the error worth reading when a handler is wrong: "Overload 2 of 2" compares the answer
 * with its own operation's, where the union's compares it with the first operation's.
 */
export function defineRoute(route: AnyOperationRoute): Route;
export function defineRoute<Op extends OperationId>(route: OperationRoute<Op>): Route;
export function defineRoute(route: AnyOperationRoute): Route {
  return {
    operationId: route.operationId,
    roles: route.roles,
    // The one place the types are taken on trust: handle() validates the body and the parameters against this same
    // operation before it calls the handler, and a 200 answer against its schema after.
    handler: (ctx) => route.handler(ctx as never),
    ...(route.readBody ? { readBody: route.readBody } : {}),
  };
}

/** `source` is the caller's address, for throttling refused authentications before any database work. */
export type Authenticate = (authorization: string | undefined, source?: string) => Promise<Principal>;

/** Where a request comes from, for throttling refused authentications (address-throttle.ts). */
export type SourceOf = (req: Request) => string | undefined;

export interface RouteDeps {
  authenticate: Authenticate;
  limiter: RateLimiter;
  /** Reads and parses the body (middleware.ts jsonBody); run after authentication and the role check. */
  readBody: RequestHandler;
  idempotency?: IdempotencyStore;
  sourceOf?: SourceOf;
  tracing?: Tracing;
}

export function mountRoutes(router: Router, routes: Route[], deps: RouteDeps): void {
  for (const route of routes) {
    const { method, path } = operation(route.operationId);
    const expressPath = path.replace(/\{(\w+)\}/g, ':$1');
    (router as unknown as Record<string, (p: string, h: RequestHandler) => void>)[method]!(
      expressPath,
      handle(route, deps),
    );
  }
}

function handle(route: Route, deps: RouteDeps): RequestHandler {
  const { authenticate, limiter, idempotency, tracing = tracingOff } = deps;
  const readBody = route.readBody ?? deps.readBody;
  const sourceOf = deps.sourceOf ?? ((req: Request) => req.socket.remoteAddress);
  const bodySchema = requestSchemaName(route.operationId);
  const validateBody = bodySchema ? validatorFor(bodySchema) : null;
  const validateParams = parametersValidator(route.operationId);
  const okSchema = responseSchemaName(route.operationId, 200);
  const validateResponse = okSchema ? validatorFor(okSchema) : null;
  // An operation takes an Idempotency-Key where the contract declares it.
  // An operation with no query parameters ignores a query string (a load balancer's or cache-buster's `?_=1`): there
  // is no filter to misspell. Where there are filters, an unknown one is refused, so a typo never widens a search.
  const queryNames = parametersOf(route.operationId)
    .filter((p) => p.in === 'query')
    .map((p) => p.name);
  const takesQuery = queryNames.length > 0;
  const takesKey =
    idempotency !== undefined &&
    parametersOf(route.operationId).some((p) => p.in === 'header' && p.name === 'Idempotency-Key');

  return async (req, res, next) => {
    try {
      let principal: Principal | null = null;
      if (route.roles !== 'public') {
        principal = await tracing.inSpan('auth', {}, async (span) => {
          const known = await authenticate(req.get('authorization'), sourceOf(req));
          span.setAttribute('gateway.client_id', known.clientId);
          return known;
        });
        req.principal = principal;
        const turn = limiter.take(principal.clientId);
        const { name, quota, windowSeconds } = limiter.policy;
        const items = rateLimitItems(name, quota, windowSeconds, turn.remaining, turn.resetSeconds);
        res.setHeader('ratelimit-policy', items.policy);
        res.setHeader('ratelimit', items.state);
        if (!turn.allowed) {
          res.setHeader('retry-after', String(turn.retryAfterSeconds));
          throw new GatewayError(
            'rate-limited',
            `This client has made too many requests; try again in ${turn.retryAfterSeconds} s`,
          );
        }
        const allowed = route.roles;
        if (!principal.roles.some((r) => allowed.includes(r as Role))) {
          throw new GatewayError('forbidden', `This needs one of the roles: ${allowed.join(', ')}`);
        }
      }
      await new Promise<void>((resolve, reject) =>
        readBody(req, res, (error?: unknown) => (error ? reject(error) : resolve())),
      );
      const params = { ...(takesQuery ? req.query : {}), ...req.params };
      if (!validateParams(params)) throw invalidParameters(validateParams.errors, queryNames);
      if (validateBody && !validateBody(req.body)) throw invalid(validateBody.errors);
      const key = takesKey && principal ? req.get('idempotency-key') : undefined;
      let claim: Claim | null = null;
      if (key !== undefined) {
        claim = await idempotency!.claim({
          clientId: principal!.clientId,
          key: parseIdempotencyKey(key),
          method: req.method,
          path: keyedPath(req.path, takesQuery ? params : {}, req.params),
          body: req.body,
        });
        if (claim.kind === 'replay') {
          res.setHeader('idempotent-replayed', 'true');
          for (const [name, value] of Object.entries(claim.answer.headers ?? {})) res.setHeader(name, value);
          res.status(claim.answer.status).type(claim.answer.contentType).send(claim.answer.body);
          return;
        }
      }
      let reply: Reply;
      try {
        reply = await route.handler({ req, principal, body: req.body, params, requestId: req.id });
      } catch (error) {
        if (claim) await settleFailure(claim, error, req.id);
        throw error;
      }
      if ('lines' in reply) {
        await claim?.release().catch(() => {});
        await streamLines(res, reply);
        return;
      }
      const { status = 200, body, type } = reply;
      for (const [name, value] of Object.entries(reply.headers ?? {})) res.append(name, value);
      if (type) {
        await claim?.release().catch(() => {});
        res.status(status).type(type).send(body);
        return;
      }
      if (status === 200 && validateResponse && !validateResponse(body)) {
        await claim?.release().catch(() => {});
        throw new Error(
          `response of ${route.operationId} breaks its contract: ${JSON.stringify(fieldErrors(validateResponse.errors).map((e) => e.field))}`,
        );
      }
      const answer: StoredAnswer = {
        status,
        contentType: 'application/json; charset=utf-8',
        body: JSON.stringify(body),
        // A retry is told again where the resource is (a batch's Location).
        ...(reply.headers ? { headers: reply.headers } : {}),
      };
      // The work is done: if the answer cannot be kept, the caller still gets it (a retry meets an in-progress key).
      await claim?.settle(answer).catch(() => {});
      res.status(answer.status).type(answer.contentType).send(answer.body);
    } catch (error) {
      next(error);
    }
  };
}

/**
 * A failure that left a mark in the audit log (a refusal, a partner that failed after the decision) is the first
 * answer, and a retry gets it again; a failure before anything was recorded releases the key, so a retry runs.
 */
async function settleFailure(claim: Extract<Claim, { kind: 'run' }>, error: unknown, requestId: string): Promise<void> {
  try {
    if (error instanceof GatewayError && typeof error.extensions.auditId === 'string') {
      await claim.settle({
        status: error.status,
        contentType: 'application/problem+json',
        body: JSON.stringify(error.toProblem(requestId)),
      });
    } else {
      await claim.release();
    }
  } catch {
    // The database is failing too: the claim lapses on its own (idempotency.ts), and the caller gets the first error.
  }
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
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/**
 * What a key is claimed for besides the body: the path and, where the operation takes any, the query (a batch's
 * callbackUrl), in a fixed order, so the same key with another query is another request (422), not a replay.
 */
function keyedPath(path: string, params: Record<string, unknown>, pathParams: Record<string, unknown>): string {
  const query = Object.keys(params)
    .filter((name) => !(name in pathParams))
    .sort()
    .map((name) => [name, String(params[name])]);
  return query.length === 0 ? path : `${path}?${new URLSearchParams(query).toString()}`;
}

/**
 * Path and query parameters that are not valid. A query parameter the operation does not take is refused (a
 * misspelt filter must never widen an answer) and named when naming it repeats nothing of the caller's own: when it is
 * one of the contract's words, or a near miss of one of the operation's parameters, which is then suggested.
 * Anything else is `(query)`, with the parameters the operation takes.
 */
function invalidParameters(errors: Parameters<typeof fieldErrors>[0], accepted: string[]) {
  const unknown = (errors ?? []).filter((e) => e.keyword === 'additionalProperties' && e.instancePath === '');
  const list: FieldError[] = fieldErrors((errors ?? []).filter((e) => !unknown.includes(e))).map((e) =>
    e.field === '(body)' ? { ...e, field: '(query)' } : e,
  );
  for (const e of unknown) {
    const name = (e.params as { additionalProperty: string }).additionalProperty;
    const near = accepted.find((a) => editDistance(a.toLowerCase(), name.toLowerCase()) <= (a.length <= 4 ? 1 : 2));
    const takes = accepted.length > 0 ? `it takes ${accepted.join(', ')}` : 'it takes none';
    if (near) list.push({ field: name, message: `is not a query parameter of this operation (did you mean ${near}?)` });
    else if (fieldErrors([e])[0]!.field !== '(body)')
      list.push({ field: name, message: `is not a query parameter of this operation (${takes})` });
    else list.push({ field: '(query)', message: `has a parameter this operation does not take (${takes})` });
  }
  const detail = list.map((e) => `${e.field} ${e.message}`).join('; ');
  return new GatewayError('invalid-request', detail, { errors: list });
}

/** Levenshtein distance, for suggesting the parameter a caller meant; names are short. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

function invalid(errors: Parameters<typeof fieldErrors>[0], whole = '(body)') {
  const list = fieldErrors(errors).map((e) => (e.field === '(body)' ? { ...e, field: whole } : e));
  const detail = list.map((e) => `${e.field} ${e.message}`).join('; ');
  return new GatewayError('invalid-request', detail, { errors: list });
}
