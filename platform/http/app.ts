// createApp(config, deps) returns the Express app, so tests drive exactly what production runs.
import express from 'express';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { GatewayError } from './problem.ts';
import { accessLog, errorHandler, jsonBody, requestId, securityHeaders } from './middleware.ts';
import { docsRouter } from './operations.ts';
import type { IdempotencyStore } from './idempotency.ts';
import { sourceAddress } from './address-throttle.ts';
import { createRateLimiter } from './rate-limit.ts';
import { traceContext } from './trace-context.ts';
import { tracingOff, type Tracing } from '../tracing.ts';
import { mountRoutes, type Authenticate, type Route } from './route.ts';

export interface AppDeps {
  logger: Logger;
  authenticate: Authenticate;
  routes: Route[];
  /** Middleware that sees every request first (metrics). */
  observe?: express.RequestHandler[];
  /** Counts requests in flight and refuses new ones once the gateway is shutting down (drain.ts). */
  drain?: express.RequestHandler;
  /** Server-rendered pages (the console): mounted before the JSON body parser, since they take HTML forms. */
  pages?: { path: string; router: express.Router };
  /** Where Idempotency-Keys are claimed and first answers kept (idempotency.ts). */
  idempotency?: IdempotencyStore;
  /** Spans for each request and its steps (platform/tracing.ts); off by default. */
  tracing?: Tracing;
}

export function createApp(
  config: Pick<Config, 'bodyLimitBytes' | 'rateLimitPerMinute'> & Partial<Pick<Config, 'trustedProxies'>>,
  deps: AppDeps,
): express.Express {
  const app = express();
  app.disable('x-powered-by');
  // Answers are no-store; an ETag would only cost a hash of every body.
  app.set('etag', false);
  app.set('query parser', 'simple');
  const tracing = deps.tracing ?? tracingOff;
  app.use(
    requestId,
    traceContext(tracing),
    securityHeaders,
    ...(deps.observe ?? []),
    accessLog(deps.logger),
    ...(deps.drain ? [deps.drain] : []),
  );
  if (deps.pages) app.use(deps.pages.path, deps.pages.router);
  app.use(docsRouter());
  const api = express.Router();
  // The body is read only once the caller is known (route.ts): a stranger is told 401, not what was wrong with its body.
  const proxies = new Set(config.trustedProxies ?? []);
  mountRoutes(api, deps.routes, {
    authenticate: deps.authenticate,
    limiter: createRateLimiter(config.rateLimitPerMinute),
    readBody: jsonBody(config.bodyLimitBytes),
    idempotency: deps.idempotency,
    tracing,
    sourceOf: (req) => sourceAddress(req.socket.remoteAddress, req.get('x-forwarded-for'), proxies),
  });
  app.use(api);
  app.use((_req, _res, next) =>
    next(new GatewayError('not-found', 'There is no such resource; see /docs for the API')),
  );
  app.use(errorHandler(deps.logger));
  return app;
}
