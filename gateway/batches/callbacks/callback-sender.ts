// One attempt at a callback: a POST with a deadline, no redirect followed (a 3xx is a failed attempt, so a
// registered URL cannot send the gateway elsewhere), and at most `maxResponseBytes` of the answer read; the answer
// is never kept, only its status.
import { Agent, request } from 'undici';
import type { AttemptOutcome } from './callback-store.ts';

export interface SenderSettings {
  timeoutMs: number;
  maxResponseBytes: number;
}

export function createCallbackSender(settings: SenderSettings) {
  const agent = new Agent({ keepAliveTimeout: 10_000, connections: 8, connect: { timeout: settings.timeoutMs } });

  async function drain(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<void> {
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > settings.maxResponseBytes) {
        body.destroy();
        return;
      }
    }
  }

  return {
    async send(url: string, headers: Record<string, string>, body: string): Promise<AttemptOutcome> {
      try {
        const response = await request(url, {
          method: 'POST',
          dispatcher: agent,
          body,
          signal: AbortSignal.timeout(settings.timeoutMs),
          headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'data-sharing-gateway-callbacks' },
        });
        const declared = Number(response.headers['content-length'] ?? Number.NaN);
        if (declared > settings.maxResponseBytes) response.body.destroy();
        else await drain(response.body).catch(() => undefined);
        return { status: response.statusCode, error: null };
      } catch (error) {
        const timeouts = ['TimeoutError', 'AbortError', 'ConnectTimeoutError', 'HeadersTimeoutError'];
        const timedOut = timeouts.includes((error as Error).name);
        return { status: null, error: timedOut ? 'timeout' : 'unreachable' };
      }
    },
    close: () => agent.close(),
  };
}
export type CallbackSender = ReturnType<typeof createCallbackSender>;
