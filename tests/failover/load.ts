// Partner systems calling the gateway without pause, each answer kept as the client saw it: the status, the
// auditId the gateway gave, and when. A request that got no answer at all (the connection failed) is kept too: it
// proves nothing either way. After a refusal the client waits a little before trying again, as a real one would.
import { fixtures } from '../../sandbox/population/fixtures.ts';
import type { GatewayProcess } from '../support/gateway-process.ts';
import { dwpStatusCheck, paths } from '../support/requests.ts';

/** `at` when the request was sent, `answeredAt` when its answer (or its failure) came; `code` a problem's code. */
export interface Seen {
  at: number;
  answeredAt: number;
  status: number | 'no answer';
  code?: string;
  auditId?: string;
}

export function startLoad(gateway: Pick<GatewayProcess, 'url' | 'token'>, workers: number) {
  const seen: Seen[] = [];
  let stopping = false;
  const body = JSON.stringify(dwpStatusCheck(fixtures.turns30On2018_05_01, { nino: true }));
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const running = (async () => {
    const token = await gateway.token('dwp-benefits');
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    await Promise.all(
      Array.from({ length: workers }, async () => {
        while (!stopping) {
          const at = Date.now();
          try {
            const res = await fetch(gateway.url + paths['dwp.status-check'], {
              method: 'POST',
              body,
              headers,
              signal: AbortSignal.timeout(30_000),
            });
            const answer = (await res.json().catch(() => ({}))) as { auditId?: string; code?: string };
            seen.push({
              at,
              answeredAt: Date.now(),
              status: res.status,
              ...(answer.code ? { code: answer.code } : {}),
              ...(answer.auditId ? { auditId: answer.auditId } : {}),
            });
            if (res.status !== 200) await pause(100);
          } catch {
            seen.push({ at, answeredAt: Date.now(), status: 'no answer' });
            await pause(100);
          }
        }
      }),
    );
  })();

  return {
    seen,
    answeredSince: (t: number) => seen.filter((s) => s.status === 200 && s.at >= t).length,
    /** Waits until `condition` holds, checking every 100 ms; fails after `seconds`. */
    async until(what: string, seconds: number, condition: () => boolean) {
      const deadline = Date.now() + seconds * 1000;
      while (!condition()) {
        if (Date.now() > deadline) throw new Error(`${what}: not within ${seconds} s`);
        await pause(100);
      }
    },
    async stop() {
      stopping = true;
      await running;
    },
  };
}
