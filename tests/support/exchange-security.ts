// The security cases every exchange endpoint shares (STYLE.md item 9): no token, an expired token, a party the
// agreement does not name, and a client whose role may not call exchanges; and the envelope every request must
// state (purpose, legal basis, case reference, ¶6.79). One helper, used by every exchange.
import { describe, expect, it } from 'vitest';
import { expectRefused } from './exchanges.ts';
import type { TestGateway } from './gateway.ts';

export interface SecuredExchange {
  exchange: string;
  path: string;
  /** A valid request the rightful caller would be permitted. */
  body: () => unknown;
  client: string;
  /** A partner the register does not let make this request. */
  wrongParty: string;
}

async function auditCount(gw: TestGateway) {
  return Number((await gw.db('audit_log').count<{ c: string }[]>({ c: '*' }).first())!.c);
}

export function securityCases(gateway: () => TestGateway, e: SecuredExchange) {
  describe(`${e.exchange}: security`, () => {
    it('refuses a request with no token, and records nothing', async () => {
      const gw = gateway();
      const before = await auditCount(gw);
      const res = await gw.http.post(e.path).send(e.body() as object);
      expect(res.status).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'unauthenticated' });
      expect(await auditCount(gw)).toBe(before);
    });

    it('refuses an expired token', async () => {
      const gw = gateway();
      const past = Math.floor(Date.now() / 1000) - 3600;
      const token = await gw.token(e.client, { iat: past - 60, exp: past });
      const res = await gw.http
        .post(e.path)
        .set('authorization', `Bearer ${token}`)
        .send(e.body() as object);
      expect(res.status).toBe(401);
      expect(res.body.detail).toMatch(/expired/);
    });

    it(`refuses ${e.wrongParty}, whom no agreement lets ask, under the party rule`, async () => {
      const gw = gateway();
      const res = await gw.http
        .post(e.path)
        .set('authorization', `Bearer ${await gw.token(e.wrongParty)}`)
        .send(e.body() as object);
      await expectRefused(gw, res, 'party');
    });

    it('refuses a request that does not state its purpose, legal basis and case reference: a 400, nothing recorded', async () => {
      const gw = gateway();
      const before = await auditCount(gw);
      const { purpose: _p, legalBasis: _l, caseReference: _c, ...rest } = e.body() as Record<string, unknown>;
      const res = await gw.http
        .post(e.path)
        .set('authorization', `Bearer ${await gw.token(e.client)}`)
        .send(rest);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid-request');
      for (const field of ['purpose', 'legalBasis', 'caseReference'])
        expect(res.body.errors).toContainEqual({ field, message: 'is required' });
      expect(await auditCount(gw)).toBe(before);
    });

    it('refuses a client whose role is not partner (an SRO), before any decision', async () => {
      const gw = gateway();
      const before = await auditCount(gw);
      const res = await gw.http
        .post(e.path)
        .set('authorization', `Bearer ${await gw.token('sro')}`)
        .send(e.body() as object);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
      expect(res.body.decision).toBeUndefined();
      expect(await auditCount(gw)).toBe(before);
    });
  });
}
