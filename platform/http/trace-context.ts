// W3C Trace Context (https://www.w3.org/TR/trace-context/): the trace a request belongs to, so each department can
// find the same exchange in its own records. A caller's valid `traceparent` is continued (its trace id and flags
// kept); otherwise the gateway starts a trace. Each call to a partner carries the trace with a fresh parent id of
// its own, as the spec asks of a hop that makes its own calls. Trace ids are random, never derived from a person.
// With tracing on (platform/tracing.ts) the request is a span continuing the caller's trace, and that parent id is
// the span of the call to the partner (upstream-client.ts).
import { randomBytes } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import type { RequestHandler } from 'express';
import type { RemoteParent, Tracing } from '../tracing.ts';
import { routeTemplate } from './route-template.ts';

export interface TraceContext {
  traceId: string;
  flags: string;
  tracestate?: string;
}

const zeros = /^0+$/;

/** The trace a header continues, or null when it is absent or not valid (then a new trace is started). */
export function parseTraceparent(header: string | undefined): RemoteParent | null {
  if (!header) return null;
  const match = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/.exec(header.trim());
  if (!match) return null;
  const [, version, traceId, parentId, flags, rest] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string | undefined,
  ];
  // Version ff is forbidden; version 00 has nothing after the flags; later versions may add fields, which we ignore.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (zeros.test(traceId) || zeros.test(parentId)) return null;
  return { traceId, parentId, flags };
}

/**
 * The request's trace. Its span is named by the route template once answered, never by the path (which may hold
 * whatever a caller typed), and carries the gateway's own request id, never the caller's X-Request-Id.
 */
export function traceContext(tracing: Tracing): RequestHandler {
  return (req, res, next) => {
    const continued = parseTraceparent(req.get('traceparent'));
    const given = req.get('tracestate');
    const tracestate = continued && given && given.length <= 512 ? { tracestate: given } : {};
    if (!tracing.on) {
      req.trace = continued
        ? { traceId: continued.traceId, flags: continued.flags, ...tracestate }
        : { traceId: randomBytes(16).toString('hex'), flags: '00' };
      next();
      return;
    }
    const attributes = { 'http.request.method': req.method, 'gateway.request_id': req.id };
    const served = tracing.serve(continued, req.method, attributes);
    const { traceId, traceFlags } = served.span.spanContext();
    req.trace = { traceId, flags: (traceFlags & 1) === 1 ? '01' : '00', ...tracestate };
    res.once('close', () => {
      const route = routeTemplate(req);
      served.span.updateName(`${req.method} ${route}`);
      served.span.setAttributes({ 'http.route': route, 'http.response.status_code': res.statusCode });
      if (req.principal) served.span.setAttribute('gateway.client_id', req.principal.clientId);
      if (res.statusCode >= 500) served.span.setStatus({ code: SpanStatusCode.ERROR });
      served.span.end();
    });
    served.run(next);
  };
}

/** The headers for one call to a partner: the same trace, a new parent id for this hop. */
export function traceHeaders(trace: TraceContext): Record<string, string> {
  return {
    traceparent: `00-${trace.traceId}-${randomBytes(8).toString('hex')}-${trace.flags}`,
    ...(trace.tracestate ? { tracestate: trace.tracestate } : {}),
  };
}
