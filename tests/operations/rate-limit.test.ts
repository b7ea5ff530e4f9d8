// One partner's burst cannot starve the others: each client has its own allowance, and a refusal says when to retry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway({ rateLimitPerMinute: 5 });
});
afterAll(() => gw.close());

describe('per-client rate limiting', () => {
  it('answers 429 with Retry-After once a client exceeds its allowance, and spares other clients', async () => {
    const sro = await gw.token('sro');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1)
      statuses.push((await gw.http.get('/v1/register/parties').set('authorization', `Bearer ${sro}`)).status);
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    const refused = await gw.http.get('/v1/register/parties').set('authorization', `Bearer ${sro}`);
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('rate-limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const dpo = await gw.http.get('/v1/register/parties').set('authorization', `Bearer ${await gw.token('dpo')}`);
    expect(dpo.status).toBe(200);
  });
});
