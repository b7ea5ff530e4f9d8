// Every kind of answer carries the same security headers: API JSON, problem+json refusals, the docs page and its
// assets, the contract, and paths that do not exist. Nothing says which framework answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const expected = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
  'strict-transport-security': expect.stringMatching(/max-age=\d{7,}/),
  'content-security-policy': expect.stringMatching(
    /^(?=.*frame-ancestors 'none')(?=.*form-action 'self')(?=.*base-uri 'none')/,
  ),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

describe('security headers', () => {
  // The docs are public and the same for everyone: cached, but revalidated (operations.ts); everything else no-store.
  it.each([
    ['an API answer', '/health', 200, 'no-store'],
    ['a register read without a token (401)', '/v1/register/collaborations', 401, 'no-store'],
    ['the published list', '/v1/register/published', 200, 'no-store'],
    ['the docs page', '/docs', 200, 'no-cache'],
    ['the contract', '/openapi.yaml', 200, 'no-cache'],
    ['a docs asset', '/docs/assets/swagger-ui.css', 200, 'public, max-age=86400'],
    ['a path that does not exist', '/wp-admin/setup.php', 404, 'no-store'],
    ['a console page', '/console/sign-in', 200, 'no-store'],
  ])('on %s', async (_what, path, status, cacheControl) => {
    const res = await gw.http.get(path);
    expect(res.status).toBe(status);
    expect(res.headers).toMatchObject({ ...expected, 'cache-control': cacheControl });
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
  });

  it('on a refusal after a body was sent, and on a body that is not JSON', async () => {
    for (const res of [
      await gw.http
        .post('/v1/exchanges/dfe/child-trace')
        .set('authorization', `Bearer ${await gw.token('sro')}`)
        .send({}),
      await gw.http.post('/v1/exchanges/dfe/child-trace').set('content-type', 'application/json').send('{"oops'),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers).toMatchObject(expected);
    }
  });
});
