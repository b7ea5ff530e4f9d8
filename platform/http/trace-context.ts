// W3C Trace Context (https://www.w3.org/TR/trace-context/): the trace a request belongs to, so each department can
// find the same exchange in its own records. A caller's valid `traceparent` is continued (its trace id and flags
// kept); otherwise the gateway starts a trace. Each call to a partner carries the trace with a fresh parent id of
// its own, as the spec asks of a hop that makes its own calls. Trace ids are random, never derived from a person.
import { randomBytes } from 'node:crypto';
import type { RequestHandler } from 'express';

export interface TraceContext { traceId: string; flags: string; tracestate?: string }

const zeros = /^0+$/;

/** The trace a header continues, or null when it is absent or not valid (then a new trace is started). */
export function parseTraceparent(header: string | undefined): Pick<TraceContext, 'traceId' | 'flags'> | null {
  if (!header) return null;
  const match = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/.exec(header.trim());
  if (!match) return null;
  const [, version, traceId, parentId, flags, rest] = match as unknown as [string, string, string, string, string, string | undefined];
  // Version ff is forbidden; version 00 has nothing after the flags; later versions may add fields, which we ignore.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return null;
  if (zeros.test(traceId) || zeros.test(parentId)) return null;
  return { traceId, flags };
}

export const traceContext: RequestHandler = (req, _res, next) => {
  const continued = parseTraceparent(req.get('traceparent'));
  const tracestate = req.get('tracestate');
  req.trace = continued
    ? { ...continued, ...(tracestate && tracestate.length <= 512 ? { tracestate } : {}) }
    : { traceId: randomBytes(16).toString('hex'), flags: '00' };
  next();
};

/** The headers for one call to a partner: the same trace, a new parent id for this hop. */
export function traceHeaders(trace: TraceContext): Record<string, string> {
  return {
    traceparent: `00-${trace.traceId}-${randomBytes(8).toString('hex')}-${trace.flags}`,
    ...(trace.tracestate ? { tracestate: trace.tracestate } : {}),
  };
}
