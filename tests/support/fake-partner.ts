// A partner system that misbehaves, over real HTTP: too slow, answering garbage, or merely counting calls.
// It stands in for another department's failures, which the sandbox services do not simulate.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Behaviour = 'slow' | 'garbage' | 'server-error' | 'off-contract' | 'no-match' | 'endless';

/** `slowMs`: how long a slow partner takes to answer (5 s unless a test needs it shorter). */
export async function startFakePartner(initial: Behaviour, slowMs = 5_000) {
  let behaviour = initial;
  let calls = 0;
  let lastHeaders: http.IncomingHttpHeaders = {};
  const server = http.createServer((req, res) => {
    calls += 1;
    lastHeaders = req.headers;
    req.resume();
    switch (behaviour) {
      case 'slow':
        setTimeout(() => res.end('{"status":"no-match"}'), slowMs).unref();
        return;
      case 'garbage':
        res.setHeader('content-type', 'application/json');
        res.end('<html>oops');
        return;
      case 'server-error':
        res.statusCode = 500;
        res.end('{"error":"internal"}');
        return;
      case 'off-contract':
        res.setHeader('content-type', 'application/json');
        res.end('{"status":"perhaps"}');
        return;
      case 'no-match':
        res.setHeader('content-type', 'application/json');
        res.end('{"status":"no-match"}');
        return;
      // A 300 MB answer, streamed with no length declared: only a bound kept while reading stops it.
      case 'endless': {
        res.setHeader('content-type', 'application/json');
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        let sent = 0;
        const more = () => {
          while (sent < 300 * 1024 * 1024 && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) {
              res.once('drain', more);
              return;
            }
          }
          res.end();
        };
        res.write('{"status":"no-match","padding":"');
        more();
        return;
      }
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    /** The headers of the last call: what the gateway sent the partner. */
    lastHeaders: () => lastHeaders,
    behave(next: Behaviour) {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
