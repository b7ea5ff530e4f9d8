// Load generators over real HTTP (undici). The open loop sends at a fixed rate whatever happens to earlier
// requests and times each from when it was due, not when it went: a slow server cannot hide its queueing by
// slowing the sender (coordinated omission). The closed loop keeps N requests in flight for a duration.
import { Pool } from 'undici';

export interface Target {
  origin: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadResult {
  latenciesMs: number[];
  statuses: Record<string, number>;
  errors: number;
  seconds: number;
  sent: number;
}

function pool(origin: string, connections: number) {
  return new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 30_000 });
}

async function once(client: Pool, target: Target): Promise<number> {
  const res = await client.request({ method: 'POST', path: target.path, headers: target.headers, body: target.body });
  await res.body.text();
  return res.statusCode;
}

export async function openLoop(
  target: Target,
  rate: number,
  seconds: number,
  onProgress?: (sent: number) => void,
): Promise<LoadResult> {
  const client = pool(target.origin, 512);
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const inFlight = new Set<Promise<void>>();
  const start = performance.now() + 20;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        const due = start + sent * interval;
        sent += 1;
        const p = once(client, target)
          .then(
            (status) => {
              latenciesMs.push(performance.now() - due);
              statuses[status] = (statuses[status] ?? 0) + 1;
            },
            () => {
              errors += 1;
            },
          )
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (sent % Math.max(1, Math.round(rate)) === 0) onProgress?.(sent);
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
      else resolve();
    };
    setTimeout(tick, 20);
  });
  await Promise.all(inFlight);
  await client.close();
  return { latenciesMs, statuses, errors, seconds: (performance.now() - start) / 1000, sent };
}

export async function closedLoop(
  target: Target,
  concurrency: number,
  seconds: number,
  onProgress?: (done: number) => void,
): Promise<LoadResult> {
  const client = pool(target.origin, concurrency);
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let sent = 0;
  const start = performance.now();
  const deadline = start + seconds * 1000;
  const timer = setInterval(() => onProgress?.(latenciesMs.length), 5000);
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const began = performance.now();
        sent += 1;
        try {
          const status = await once(client, target);
          latenciesMs.push(performance.now() - began);
          statuses[status] = (statuses[status] ?? 0) + 1;
        } catch {
          errors += 1;
        }
      }
    }),
  );
  clearInterval(timer);
  await client.close();
  return { latenciesMs, statuses, errors, seconds: (performance.now() - start) / 1000, sent };
}
