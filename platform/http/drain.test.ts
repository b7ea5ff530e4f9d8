import type { AddressInfo } from 'node:net';
import express from 'express';
import { createServer } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createDrain } from './drain.ts';

const servers: ReturnType<typeof createServer>[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

/** An app behind the drain with one slow route, released by the test. */
async function appBehind(drain: ReturnType<typeof createDrain>) {
  let release: () => void = () => undefined;
  const app = express();
  app.use(drain.middleware);
  app.get('/health', (_req, res) => {
    res.json({ status: 'alive' });
  });
  app.get('/slow', (_req, res) => {
    release = () => res.json({ done: true });
  });
  app.get('/ready', (_req, res) => {
    res.json({ status: 'ready' });
  });
  app.use(((error, _req, res, _next) => {
    res.status(error.status).json({ code: error.code });
  }) as express.ErrorRequestHandler);
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, release: () => release() };
}

describe('drain', () => {
  it('is idle at once when nothing is in flight', async () => {
    await expect(createDrain().begin()).resolves.toBeUndefined();
  });

  it('refuses new requests with 503 once draining, lets the one in flight finish, and keeps liveness', async () => {
    const drain = createDrain();
    const app = await appBehind(drain);
    const slow = fetch(`${app.url}/slow`);
    while (drain.inFlight() === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let idle = false;
    const drained = drain.begin().then(() => {
      idle = true;
    });

    const ready = await fetch(`${app.url}/ready`);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('connection')).toBe('close');
    expect(await ready.json()).toEqual({ code: 'unavailable' });
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect(idle).toBe(false);

    app.release();
    expect(await (await slow).json()).toEqual({ done: true });
    await drained;
    expect(drain.inFlight()).toBe(0);
  });
});
