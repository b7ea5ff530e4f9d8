// A partner system that misbehaves, over real HTTP: too slow, answering garbage, or merely counting calls.
// It stands in for another department's failures, which the sandbox services do not simulate.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'slow' | 'garbage' | 'server-error' | 'off-contract' | 'no-match';

export async function startFakePartner(initial: Behaviour) {
  let behaviour = initial;
  let calls = 0;
  const server = http.createServer((req, res) => {
    calls += 1;
    req.resume();
    switch (behaviour) {
      case 'slow': setTimeout(() => res.end('{"status":"no-match"}'), 5_000).unref(); return;
      case 'garbage': res.setHeader('content-type', 'application/json'); res.end('<html>oops'); return;
      case 'server-error': res.statusCode = 500; res.end('{"error":"internal"}'); return;
      case 'off-contract': res.setHeader('content-type', 'application/json'); res.end('{"status":"perhaps"}'); return;
      case 'no-match': res.setHeader('content-type', 'application/json'); res.end('{"status":"no-match"}'); return;
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    behave(next: Behaviour) { behaviour = next; },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
