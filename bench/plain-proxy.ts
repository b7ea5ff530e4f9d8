// The baseline a department might otherwise run: a plain Node HTTP proxy to the partner (no authentication, no
// policy, no audit), using the same HTTP client as the gateway, so the gap between the two is the gateway's work.
//   npx tsx bench/plain-proxy.ts <port> <upstream origin>
import http from 'node:http';
import { Agent, request } from 'undici';

const [port, upstream] = [Number(process.argv[2]), process.argv[3]!];
const agent = new Agent({ keepAliveTimeout: 10_000, connections: 64 });

async function forward(req: http.IncomingMessage, res: http.ServerResponse) {
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const answer = await request(new URL(req.url!, upstream), {
      method: 'POST',
      dispatcher: agent,
      body: Buffer.concat(chunks),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      signal: AbortSignal.timeout(3000),
    });
    const text = await answer.body.text();
    res.writeHead(answer.statusCode, { 'content-type': 'application/json' }).end(text);
  } catch {
    res.writeHead(502).end();
  }
}

// void: a request that fails is answered 502 by forward itself.
http
  .createServer((req, res) => void forward(req, res))
  .listen(port, '127.0.0.1', () => console.log(`plain proxy on ${port}`));
