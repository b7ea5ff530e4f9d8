// Liveness, readiness, API docs served offline, and problem+json for what does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('operations', () => {
  it('says it is alive', async () => {
    const res = await gw.http.get('/health');
    expect(res.body).toEqual({ status: 'alive' });
  });

  it('is ready once the database is reachable and migrated', async () => {
    const res = await gw.http.get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      database: gw.databaseKind,
      pendingMigrations: 0,
      auditChain: { status: 'not-broken', exchanges: 'served' },
    });
  });

  it('serves the API docs and their assets from the gateway itself', async () => {
    const page = await gw.http.get('/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(page.text).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
    const bundle = await gw.http.get('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect(bundle.text.length).toBeGreaterThan(100_000);
    const spec = await gw.http.get('/openapi.yaml');
    expect(spec.text).toContain('operationId: dfeChildTrace');
  });

  it('serves the docs to fit a phone, and cacheable: a revisit downloads nothing that has not changed', async () => {
    const page = await gw.http.get('/docs');
    expect(page.text).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page.headers.etag).toBeDefined();
    const again = await gw.http.get('/docs').set('if-none-match', page.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    const bundle = await gw.http.get('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.headers['cache-control']).toBe('public, max-age=86400');
    const bundleAgain = await gw.http
      .get('/docs/assets/swagger-ui-bundle.js')
      .set('if-none-match', bundle.headers.etag!);
    expect(bundleAgain.status).toBe(304);
    const spec = await gw.http.get('/openapi.yaml');
    expect((await gw.http.get('/openapi.yaml').set('if-none-match', spec.headers.etag!)).status).toBe(304);
  });

  it('is alive and ready whatever query string a load balancer or cache-buster adds', async () => {
    expect((await gw.http.get('/health?_=1700000000')).status).toBe(200);
    expect((await gw.http.get('/ready?probe=lb&_=1')).status).toBe(200);
  });

  it('refuses a query parameter a filtered read does not take, naming it, rather than answer unfiltered', async () => {
    const dpo = `Bearer ${await gw.token('dpo')}`;
    // A DPO who misspells a filter is told which one she meant, never given the whole log.
    const misspelt = await gw.http.get('/v1/audit/entries?exchnage=dfe.child-trace').set('authorization', dpo);
    expect(misspelt.status).toBe(400);
    expect(misspelt.body.errors).toEqual([
      { field: 'exchnage', message: 'is not a query parameter of this operation (did you mean exchange?)' },
    ]);
    // A name of the caller's own that is no near miss is not repeated back (it could be anything); the parameters
    // the operation takes are listed instead.
    const strange = await gw.http.get('/v1/measures?from=2026-11-01&to=2026-11-30&Okonkwo=1').set('authorization', dpo);
    expect(strange.status).toBe(400);
    expect(strange.body.errors).toEqual([
      { field: '(query)', message: 'has a parameter this operation does not take (it takes from, to)' },
    ]);
    expect(strange.text).not.toContain('Okonkwo');
    // The refusal is a documented one: its description says so.
    const { openapi } = await import('../../contracts/openapi.ts');
    const documented = (openapi.paths['/v1/audit/entries'] as Record<string, { responses: Record<string, unknown> }>)
      .get!.responses['400'] as { description: string };
    expect(documented.description).toMatch(/query parameter this operation does not take .* is refused/);
  });

  it('answers an unknown path with problem+json and security headers', async () => {
    const res = await gw.http.get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ status: 404, code: 'not-found', type: '/problems/not-found' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('echoes a caller request id so a partner can trace its call', async () => {
    const res = await gw.http.get('/health').set('x-request-id', 'partner-req-12345678');
    expect(res.headers['x-request-id']).toBe('partner-req-12345678');
  });
});
