// Liveness, readiness, API docs served offline, and problem+json for what does not exist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => { gw = await startTestGateway(); });
afterAll(() => gw.close());

describe('operations', () => {
  it('says it is alive', async () => {
    const res = await gw.http.get('/health');
    expect(res.body).toEqual({ status: 'alive' });
  });

  it('is ready once the database is reachable and migrated', async () => {
    const res = await gw.http.get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', database: gw.databaseKind, pendingMigrations: 0, auditChain: { status: 'not-broken', exchanges: 'served' } });
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
