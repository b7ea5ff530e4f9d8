// "The partner may poll, or be called back (signed, with retries and backoff)" (issue 14). The partner's receiver
// is a real HTTP server in this file; it checks each callback as README's "Batches" section tells a partner to:
// the Ed25519 signature over `<webhook-id>.<webhook-timestamp>.<body>`, with a key from the published JWKS.
import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { batchClient } from '../support/batches.ts';
import { caller } from '../support/exchanges.ts';
import { openTestDatabase } from '../support/database.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { ninoAlignment, paths } from '../support/requests.ts';

const { turns30On2018_05_01: priya } = fixtures;
const grant = { ...priya, homeOfficeReference: priya.immigration.homeOfficeReference!, nino: priya.nino };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The partner's receiver: each path answers the statuses it is given in turn (200 once they run out). */
function startReceiver() {
  const received = new Map<string, Received[]>();
  const answers = new Map<string, number[]>();
  const waiting = new Map<string, { count: number; resolve: () => void }>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url!;
      const got = [
        ...(received.get(path) ?? []),
        { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') },
      ];
      received.set(path, got);
      res.statusCode = answers.get(path)?.shift() ?? 200;
      res.end('{"thanks":true}');
      const wait = waiting.get(path);
      if (wait && got.length >= wait.count) wait.resolve();
    });
  });
  return {
    async listen() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    answer: (path: string, statuses: number[]) => answers.set(path, statuses),
    /** Resolves once `count` callbacks have come to `path`. */
    until: (path: string, count: number) =>
      new Promise<Received[]>((resolve) => {
        const done = () => resolve(received.get(path)!);
        if ((received.get(path)?.length ?? 0) >= count) done();
        else waiting.set(path, { count, resolve: done });
      }),
    received: (path: string) => received.get(path) ?? [],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a partner's code does with a callback: true if the signature verifies with one of the published keys. */
function partnerVerifies(
  jwks: { keys: { kty: string; crv: string; x: string }[] },
  headers: IncomingHttpHeaders,
  body: string,
) {
  const signed = Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`);
  const signatures = String(headers['webhook-signature'])
    .split(' ')
    .filter((s) => s.startsWith('v1a,'))
    .map((s) => s.slice(4));
  return jwks.keys.some(({ kty, crv, x }) =>
    signatures.some((sig) =>
      verify(null, signed, createPublicKey({ key: { kty, crv, x }, format: 'jwk' }), Buffer.from(sig, 'base64')),
    ),
  );
}

let gw: TestGateway;
const receiver = startReceiver();
let base: string;
const url = (path: string) => `${base}${path}`;

beforeAll(async () => {
  base = await receiver.listen();
  // Retries come within milliseconds here; production waits from BATCH_CALLBACK_BACKOFF_MS (30 s) upwards.
  gw = await startTestGateway({
    callbacks: { backoffMs: 5, backoffMaxMs: 20, pollMs: 20, maxAttempts: 4, timeoutMs: 2000 },
  });
  const registered = await gw.http
    .put('/v1/clients/ukvi-casework/callback-urls')
    .set('authorization', `Bearer ${await gw.token('registry-admin')}`)
    .send({
      callbackUrls: ['/signed', '/flaky', '/down'].map(url),
      reason: 'UKVI asked to be called back when its batches are done',
    });
  expect(registered.status, JSON.stringify(registered.body)).toBe(200);
  expect(registered.body).toMatchObject({
    action: 'set-callback-urls',
    callbackUrls: ['/signed', '/flaky', '/down'].map(url),
  });
});
afterAll(async () => {
  await gw.close();
  await receiver.close();
});

async function submitWithCallback(callbackUrl: string, records: unknown[] = [ninoAlignment([grant])]) {
  return gw.http
    .post(`${paths['dwp.nino-alignment']}/batches?callbackUrl=${encodeURIComponent(callbackUrl)}`)
    .set('authorization', `Bearer ${await gw.token('ukvi-casework')}`)
    .send(records as object);
}

const publishedKeys = async () => {
  const res = await gw.http.get('/.well-known/callback-keys.json');
  expect(res.status).toBe(200);
  return res.body as { keys: { kty: string; crv: string; x: string; kid: string }[] };
};

/** Polls the batch until its callback is settled (delivered or failed), as a partner or operator would look. */
async function untilSettled(location: string, gateway: TestGateway = gw) {
  const ukvi = batchClient(gateway, 'ukvi-casework');
  for (;;) {
    const res = await ukvi.progress(location);
    expect(res.status).toBe(200);
    if (res.body.callback?.state !== 'pending') return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a batch that names a registered callback URL', () => {
  it('calls it once the batch is done, signed so the partner can verify it with the published key', async () => {
    const submitted = await submitWithCallback(url('/signed'), [ninoAlignment([grant]), ninoAlignment([grant])]);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(202);
    const [callback] = await receiver.until('/signed', 1);

    expect(partnerVerifies(await publishedKeys(), callback!.headers, callback!.body)).toBe(true);
    expect(callback!.headers['webhook-id']).toBe(submitted.body.id);
    expect(Math.abs(Number(callback!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(300);
    const body = JSON.parse(callback!.body);
    expect(body).toMatchObject({
      type: 'batch.finished',
      data: {
        id: submitted.body.id,
        exchange: 'dwp.nino-alignment',
        state: 'done',
        total: 2,
        permitted: 2,
        refused: 0,
        failed: 0,
        invalid: 0,
        results: `${gw.baseUrl}/v1/batches/${submitted.body.id}/results`,
      },
    });
    // Counts and links only: nothing of the records or their results.
    for (const personal of [priya.nino, priya.surname, priya.forename, grant.homeOfficeReference])
      expect(callback!.body).not.toContain(personal);

    // The results it points to are there for the partner's own token.
    expect(
      (await batchClient(gw, 'ukvi-casework').results(body.data.results.slice(gw.baseUrl.length, -'/results'.length)))
        .status,
    ).toBe(200);
    const progress = await untilSettled(submitted.headers.location!);
    expect(progress).toMatchObject({
      state: 'done',
      callback: { url: url('/signed'), state: 'delivered', attempts: 1, lastStatus: 200, lastError: null },
    });
    expect(receiver.received('/signed')).toHaveLength(1);
  });

  it('tries again with backoff: a receiver answering 500 twice, then 200, gets three attempts and the batch shows delivered', async () => {
    receiver.answer('/flaky', [500, 500, 200]);
    const submitted = await submitWithCallback(url('/flaky'));
    expect(submitted.status).toBe(202);
    const attempts = await receiver.until('/flaky', 3);
    const progress = await untilSettled(submitted.headers.location!);
    expect(progress.callback).toMatchObject({ state: 'delivered', attempts: 3, lastStatus: 200, nextAttemptAt: null });
    expect(receiver.received('/flaky')).toHaveLength(3);
    // One message, each attempt signed afresh: the same webhook-id lets the partner recognise a repeat.
    expect(new Set(attempts.map((a) => a.headers['webhook-id']))).toEqual(new Set([submitted.body.id]));
    const keys = await publishedKeys();
    expect(attempts.every((a) => partnerVerifies(keys, a.headers, a.body))).toBe(true);
  });

  it('gives up after BATCH_CALLBACK_MAX_ATTEMPTS, shows the callback failed with the last status, and the results stay to poll', async () => {
    receiver.answer('/down', [503, 503, 503, 503, 503]);
    const submitted = await submitWithCallback(url('/down'));
    const progress = await untilSettled(submitted.headers.location!);
    expect(progress.callback).toMatchObject({
      state: 'failed',
      attempts: 4,
      lastStatus: 503,
      deliveredAt: null,
      nextAttemptAt: null,
    });
    expect(receiver.received('/down')).toHaveLength(4);
    expect((await batchClient(gw, 'ukvi-casework').results(submitted.headers.location!)).status).toBe(200);
  });

  it('shows no callback for a batch that named none: the partner polls', async () => {
    const submitted = await batchClient(gw, 'ukvi-casework').submit(paths['dwp.nino-alignment'], [
      ninoAlignment([grant]),
    ]);
    const last = (await batchClient(gw, 'ukvi-casework').untilDone(submitted.headers.location!)).at(-1)!;
    expect(last.callback).toBeNull();
  });
});

describe('a callback URL that is not registered for the client', () => {
  const cases: [string, () => string, string][] = [
    ['an address the client never registered', () => url('/elsewhere'), 'ukvi-casework'],
    ['an internal address', () => 'http://169.254.169.254/latest/meta-data/', 'ukvi-casework'],
    ["another client's URL, from a client that registered none", () => url('/signed'), 'dwp-benefits'],
  ];
  it.each(cases)(
    'is refused 422 problem+json at submission, and nothing is taken: %s',
    async (_what, callbackUrl, clientId) => {
      const before = await gw.db('batches').count<{ n: string }[]>({ n: '*' });
      const res = await gw.http
        .post(`${paths['dwp.nino-alignment']}/batches?callbackUrl=${encodeURIComponent(callbackUrl())}`)
        .set('authorization', `Bearer ${await gw.token(clientId)}`)
        .send([ninoAlignment([grant])]);
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({
        code: 'unprocessable',
        errors: [{ field: 'callbackUrl', message: 'is not registered for this client' }],
      });
      expect(await gw.db('batches').count<{ n: string }[]>({ n: '*' })).toEqual(before);
    },
  );

  it('cannot be registered with credentials in it, or a fragment, and the refusal changes nothing', async () => {
    const admin = `Bearer ${await gw.token('registry-admin')}`;
    for (const bad of [`http://user:secret@127.0.0.1:1/x`, `${base}/x#frag`, 'ftp://127.0.0.1/x']) {
      const res = await gw.http
        .put('/v1/clients/ukvi-casework/callback-urls')
        .set('authorization', admin)
        .send({ callbackUrls: [bad], reason: 'a test' });
      expect(res.status, bad).toBe(422);
    }
    const client = await gw.http.get('/v1/clients/ukvi-casework').set('authorization', admin);
    expect(client.body.client.callbackUrls).toEqual(['/signed', '/flaky', '/down'].map(url));
  });
});

describe('a forged or altered callback', () => {
  it('does not verify: a body changed in transit, a replayed signature on another id, a signature by another key', async () => {
    const [callback] = await receiver.until('/signed', 1);
    const keys = await publishedKeys();
    const { headers, body } = callback!;
    expect(partnerVerifies(keys, headers, body)).toBe(true);

    const altered = body.replace('"permitted":2', '"permitted":3');
    expect(altered).not.toBe(body);
    expect(partnerVerifies(keys, headers, altered)).toBe(false);
    expect(partnerVerifies(keys, { ...headers, 'webhook-id': '00000000-0000-4000-8000-000000000000' }, body)).toBe(
      false,
    );
    expect(
      partnerVerifies(
        keys,
        { ...headers, 'webhook-timestamp': String(Number(headers['webhook-timestamp']) + 1) },
        body,
      ),
    ).toBe(false);

    const forger = generateKeyPairSync('ed25519');
    const forged = sign(
      null,
      Buffer.from(`${headers['webhook-id']}.${headers['webhook-timestamp']}.${altered}`),
      forger.privateKey,
    ).toString('base64');
    expect(partnerVerifies(keys, { ...headers, 'webhook-signature': `v1a,${forged}` }, altered)).toBe(false);
  });
});

describe('the published callback keys', () => {
  it('are Ed25519 public keys only, at a public address', async () => {
    const { keys } = await publishedKeys();
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
      expect(key).not.toHaveProperty('d');
    }
  });
});

describe('registering callback URLs', () => {
  it('is for registry administrators only', async () => {
    const res = await caller(gw, 'ukvi-casework').get('/v1/clients/ukvi-casework');
    expect(res.status).toBe(403);
    const put = await gw.http
      .put('/v1/clients/ukvi-casework/callback-urls')
      .set('authorization', `Bearer ${await gw.token('ukvi-casework')}`)
      .send({ callbackUrls: [url('/mine')], reason: 'a partner trying to register its own' });
    expect(put.status).toBe(403);
  });
});

describe('a callback still owed when the gateway stops', () => {
  it('is delivered by the next gateway on the same database: deliveries are rows, not timers', async () => {
    const database = await openTestDatabase();
    const kept = { ...database, drop: async () => undefined };
    const registerUrl = async (g: TestGateway) => {
      const res = await g.http
        .put('/v1/clients/ukvi-casework/callback-urls')
        .set('authorization', `Bearer ${await g.token('registry-admin')}`)
        .send({ callbackUrls: [url('/restart')], reason: 'UKVI asked to be called back' });
      expect(res.status).toBe(200);
    };
    // The first gateway's attempt is refused, and its next is an hour away when it stops.
    receiver.answer('/restart', [503]);
    const first = await startTestGateway({
      database: kept,
      callbacks: { backoffMs: 3_600_000, backoffMaxMs: 3_600_000, pollMs: 20 },
    });
    let second: TestGateway | null = null;
    try {
      await registerUrl(first);
      const submitted = await first.http
        .post(`${paths['dwp.nino-alignment']}/batches?callbackUrl=${encodeURIComponent(url('/restart'))}`)
        .set('authorization', `Bearer ${await first.token('ukvi-casework')}`)
        .send([ninoAlignment([grant])]);
      expect(submitted.status).toBe(202);
      await receiver.until('/restart', 1);
      await first.close();

      second = await startTestGateway({ database: kept, callbacks: { pollMs: 20 } });
      await registerUrl(second);
      // The hour passes.
      await second
        .db('batch_callbacks')
        .where({ batch_id: submitted.body.id })
        .update({ next_attempt_at: second.db.raw(`now() - interval '1 second'`) });
      await receiver.until('/restart', 2);
      const progress = await untilSettled(submitted.headers.location!, second);
      expect(progress.callback).toMatchObject({ state: 'delivered', attempts: 2, lastStatus: 200 });
      expect(receiver.received('/restart')).toHaveLength(2);
    } finally {
      await second?.close();
      await database.drop();
    }
  });
});
