// Correlation across departments: every call to a partner carries the gateway's own request id (the one in the
// gateway's logs and audit log) and, where the caller sent one, the caller's, so each department can find the
// same exchange in its own records. The caller's id goes to the partner as given; the audit log keeps only a hash.
// Each call also carries the W3C trace (traceparent), continued from the caller's or started by the gateway.
import { traceHeaders, type TraceContext } from '../../platform/http/trace-context.ts';
import type { Upstreams } from './exchange-definition.ts';

export const requestIdHeader = 'x-request-id';
export const callerRequestIdHeader = 'x-caller-request-id';

export function forwardingRequestIds(
  upstreams: Upstreams,
  requestId: string,
  callerRequestId?: string,
  trace?: TraceContext,
): Upstreams {
  const headers = {
    [requestIdHeader]: requestId,
    ...(callerRequestId ? { [callerRequestIdHeader]: callerRequestId } : {}),
  };
  return Object.fromEntries(
    Object.entries(upstreams).map(([name, client]) => [
      name,
      {
        ...client,
        post: <T>(path: string, body: unknown, schema: string) =>
          client.post<T>(path, body, schema, { ...headers, ...(trace ? traceHeaders(trace) : {}) }),
      },
    ]),
  );
}
