// The caller is known before its body is read: a request with no token, or a bad one, is 401 whatever its body,
// never 415, 413 or 400 (issue 14: a stranger learnt the gateway's body rules before being asked who it was).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  // A batch's own byte limit, lowered to a single call's so that one oversized body serves both.
  gw = await startTestGateway({ batchBodyLimitBytes: 64 * 1024 });
});
afterAll(() => gw.close());

const batch = '/v1/exchanges/dwp/nino-alignment/batches';
const writes = [
  '/v1/exchanges/dfe/child-trace',
  // A batch is read by a parser of its own (a JSON array or NDJSON, up to BATCH_BODY_LIMIT_BYTES), also after the caller is known.
  batch,
  '/v1/decisions',
  '/v1/register/collaborations',
  '/v1/feedback',
  '/v1/audit/subject-search',
];
const badBodies = {
  'not JSON (415)': { type: 'text/plain', body: 'hello', status: 415 },
  'too large (413)': {
    type: 'application/json',
    body: JSON.stringify({ padding: 'x'.repeat(128 * 1024) }),
    status: 413,
  },
  'malformed (400)': { type: 'application/json', body: '{"purpose":', status: 400 },
} as const;

describe.each(writes)('POST %s', (path) => {
  it.each(Object.entries(badBodies))('with a body %s and no token is 401', async (_name, bad) => {
    const res = await gw.http.post(path).set('content-type', bad.type).send(bad.body);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('with a body that is not JSON and a token that is not valid is 401', async () => {
    const res = await gw.http
      .post(path)
      .set('authorization', 'Bearer not.a.token')
      .set('content-type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(401);
  });
});

describe('a known caller', () => {
  it.each(Object.entries(badBodies))('is told what is wrong with a body %s', async (_name, bad) => {
    const res = await gw.http
      .post('/v1/decisions')
      .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
      .set('content-type', bad.type)
      .send(bad.body);
    expect(res.status).toBe(bad.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(Object.entries(badBodies))('is told what is wrong with a batch body %s', async (_name, bad) => {
    const res = await gw.http
      .post(batch)
      .set('authorization', `Bearer ${await gw.token('ukvi-casework')}`)
      .set('content-type', bad.type)
      .send(bad.body);
    expect(res.status).toBe(bad.status);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it.each(Object.entries(badBodies))('without the role is 403 before a batch body %s is read', async (_name, bad) => {
    const res = await gw.http
      .post(batch)
      .set('authorization', `Bearer ${await gw.token('dpo')}`)
      .set('content-type', bad.type)
      .send(bad.body);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
  });

  it('without the role is 403 before its body is read', async () => {
    const res = await gw.http
      .post('/v1/register/collaborations')
      .set('authorization', `Bearer ${await gw.token('ie-removals-casework')}`)
      .set('content-type', 'text/plain')
      .send('hello');
    expect(res.status).toBe(403);
  });
});
