// Cross-cutting HTTP concerns: request ids, security headers, access logs, body parsing and the error handler.
import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { bearerChallenge } from './bearer.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { safeError } from '../logger.ts';
import { GatewayError } from './problem.ts';
import { routeTemplate } from './route-template.ts';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    callerRequestId?: string;
    principal?: import('../principal.ts').Principal;
    /** The W3C trace this request belongs to (trace-context.ts). */
    trace?: import('./trace-context.ts').TraceContext;
  }
}

/**
 * Every request gets the gateway's own id: it is what the logs, the audit log and problem bodies carry. A caller's
 * own X-Request-Id (a plain token) is echoed back and forwarded to the partner, but never logged as given: a
 * careless client may put a name in it, and the audit log cannot be edited.
 */
export const requestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id');
  req.id = randomUUID();
  if (given && /^[A-Za-z0-9._-]{8,64}$/.test(given)) req.callerRequestId = given;
  res.setHeader('x-request-id', req.callerRequestId ?? req.id);
  res.setHeader('x-gateway-request-id', req.id);
  next();
};

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('x-frame-options', 'DENY');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('cache-control', 'no-store');
  res.setHeader('cross-origin-opener-policy', 'same-origin');
  res.setHeader('cross-origin-resource-policy', 'same-origin');
  // Browsers heed HSTS only over https, where the gateway is always published; over plain http it is ignored.
  res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
  res.setHeader('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
  // form-action and base-uri do not fall back to default-src: without them an injected <form> or <base> could send
  // a console form, CSRF token and all, to another site.
  res.setHeader(
    'content-security-policy',
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
  );
  next();
};

export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    res.on('finish', () => {
      const entry = {
        requestId: req.id,
        traceId: req.trace?.traceId,
        method: req.method,
        route: routeTemplate(req),
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
        clientId: req.principal?.clientId,
      };
      if (res.statusCode >= 500) logger.error(entry, 'request failed');
      else logger.info(entry, 'request');
    });
    next();
  };
}

export function jsonBody(limitBytes: number): RequestHandler {
  const parse = express.json({ limit: limitBytes, strict: true, type: () => true });
  return (req, res, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(req.method)) return next();
    if (!req.is('application/json')) {
      return next(new GatewayError('unsupported-media-type', 'Send the body as application/json'));
    }
    parse(req, res, next);
  };
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toGatewayError(err);
    if (problem.status >= 500 && problem.code === 'internal') {
      logger.error({ requestId: req.id, error: safeError(err) }, 'unhandled error');
    } else if (isDatabaseUnavailable(err)) {
      logger.warn({ requestId: req.id, error: safeError(err) }, 'database unreachable; answered 503');
    }
    for (const [name, value] of Object.entries(problem.headers)) res.append(name, value);
    if (problem.status === 401) res.setHeader('www-authenticate', bearerChallenge(req.get('authorization')));
    if (problem.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(problem.retryAfterSeconds));
    res
      .status(problem.status)
      .type('application/problem+json')
      .send(JSON.stringify(problem.toProblem(req.id)));
  };
}

function toGatewayError(err: unknown): GatewayError {
  if (err instanceof GatewayError) return err;
  const e = err as { type?: string; status?: number };
  // body-parser's errors: say what was wrong without echoing the body.
  if (e?.type === 'entity.parse.failed')
    return new GatewayError('malformed-json', 'The body could not be parsed as JSON');
  if (e?.type === 'entity.too.large')
    return new GatewayError('payload-too-large', 'The body is larger than the gateway accepts');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported') {
    return new GatewayError('unsupported-media-type', 'The body must be UTF-8 JSON');
  }
  if (isDatabaseUnavailable(err))
    return new GatewayError(
      'unavailable',
      'The gateway cannot reach its database just now, so nothing was shared. Try again shortly.',
    );
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) {
    return new GatewayError('invalid-request', 'The request could not be read');
  }
  return new GatewayError(
    'internal',
    'The gateway could not complete the request; it has been logged with its request id',
  );
}
