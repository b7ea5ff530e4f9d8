// Real HTTP to a partner system, with a deadline on every call and a bound on every answer. A real partner
// endpoint replaces a sandbox by configuration alone (the URL), because both speak contracts/partners.yaml.
// With tracing on, each call is a client span, and the traceparent the partner hears names that span as parent.
import { SpanKind } from '@opentelemetry/api';
import { Agent, request } from 'undici';
import { fieldErrors } from '../../contracts/openapi.ts';
import { partnerValidatorFor } from '../../contracts/partners.ts';
import type { UpstreamConfig } from '../../platform/config.ts';
import { tracingOff, type Tracing } from '../../platform/tracing.ts';

export class UpstreamError extends Error {
  constructor(
    readonly kind: 'timeout' | 'failed',
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

export interface UpstreamClient {
  post<T>(path: string, body: unknown, responseSchema: string, headers?: Record<string, string>): Promise<T>;
  close(): Promise<void>;
}

const timedOut = (error: unknown) => ['TimeoutError', 'AbortError'].includes((error as Error).name);

/** The answer's body, read until `limit` bytes and no further: past it the call is aborted. */
async function boundedText(
  body: AsyncIterable<Buffer> & { destroy(error?: Error): unknown },
  limit: number,
  name: string,
  status: number,
): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > limit) {
      body.destroy();
      throw new UpstreamError('failed', `${name} answered with more than ${limit} bytes`, status);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size).toString('utf8');
}

/** `path` is one of the fixed paths of the partner contracts: no identifier or query string is ever in it. */
export function createUpstreamClient(
  name: string,
  config: UpstreamConfig,
  tracing: Tracing = tracingOff,
): UpstreamClient {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  const maxBytes = config.maxResponseBytes ?? 1024 * 1024;
  const attributes = (path: string) => ({ 'gateway.upstream': name, 'http.request.method': 'POST', 'url.path': path });
  return {
    post: <T>(path: string, body: unknown, responseSchema: string, headers: Record<string, string> = {}) =>
      tracing.inSpan(
        'upstream',
        attributes(path),
        async (span): Promise<T> => {
          const url = new URL(path, config.url);
          const traceparent = tracing.traceparent();
          let response;
          try {
            response = await request(url, {
              method: 'POST',
              dispatcher: agent,
              headers: {
                ...headers,
                ...(traceparent ? { traceparent } : {}),
                'content-type': 'application/json',
                accept: 'application/json',
              },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(config.timeoutMs),
            });
          } catch (error) {
            if (timedOut(error))
              throw new UpstreamError('timeout', `${name} did not answer within ${config.timeoutMs} ms`);
            throw new UpstreamError('failed', `${name} could not be reached`);
          }
          span.setAttribute('http.response.status_code', response.statusCode);
          const declared = Number(response.headers['content-length'] ?? Number.NaN);
          if (declared > maxBytes) {
            response.body.destroy();
            throw new UpstreamError('failed', `${name} answered with more than ${maxBytes} bytes`, response.statusCode);
          }
          let payload: unknown;
          try {
            payload = JSON.parse(await boundedText(response.body, maxBytes, name, response.statusCode));
          } catch (error) {
            if (error instanceof UpstreamError) throw error;
            if (timedOut(error))
              throw new UpstreamError('timeout', `${name} did not finish its answer within ${config.timeoutMs} ms`);
            throw new UpstreamError('failed', `${name} answered with something that is not JSON`, response.statusCode);
          }
          if (response.statusCode !== 200) {
            throw new UpstreamError('failed', `${name} answered with HTTP ${response.statusCode}`, response.statusCode);
          }
          const validate = partnerValidatorFor(responseSchema);
          if (!validate(payload)) {
            const fields = fieldErrors(validate.errors)
              .map((e) => e.field)
              .join(', ');
            throw new UpstreamError('failed', `${name} answered outside its contract (${fields})`, response.statusCode);
          }
          return payload as T;
        },
        SpanKind.CLIENT,
      ),
    close: () => agent.close(),
  };
}
