// Real HTTP to a partner system, with a deadline on every call. A real partner endpoint replaces a sandbox
// by configuration alone (the URL), because both speak the contract in openapi.yaml.
import { Agent, request } from 'undici';
import { fieldErrors, validatorFor } from '../../contracts/openapi.ts';
import type { UpstreamConfig } from '../config.ts';

export class UpstreamError extends Error {
  constructor(readonly kind: 'timeout' | 'failed', message: string, readonly status?: number) {
    super(message);
  }
}

export interface UpstreamClient {
  post<T>(path: string, body: unknown, responseSchema: string): Promise<T>;
  close(): Promise<void>;
}

export function createUpstreamClient(name: string, config: UpstreamConfig): UpstreamClient {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });
  return {
    async post<T>(path: string, body: unknown, responseSchema: string): Promise<T> {
      const url = new URL(path, config.url);
      let response;
      try {
        response = await request(url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(config.timeoutMs),
        });
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
        if (timedOut) throw new UpstreamError('timeout', `${name} did not answer within ${config.timeoutMs} ms`);
        throw new UpstreamError('failed', `${name} could not be reached`);
      }
      let payload: unknown;
      try {
        const text = await response.body.text();
        payload = JSON.parse(text);
      } catch (error) {
        if ((error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError') {
          throw new UpstreamError('timeout', `${name} did not finish its answer within ${config.timeoutMs} ms`);
        }
        throw new UpstreamError('failed', `${name} answered with something that is not JSON`, response.statusCode);
      }
      if (response.statusCode !== 200) {
        throw new UpstreamError('failed', `${name} answered with HTTP ${response.statusCode}`, response.statusCode);
      }
      const validate = validatorFor(responseSchema);
      if (!validate(payload)) {
        const fields = fieldErrors(validate.errors).map((e) => e.field).join(', ');
        throw new UpstreamError('failed', `${name} answered outside its contract (${fields})`, response.statusCode);
      }
      return payload as T;
    },
    close: () => agent.close(),
  };
}
