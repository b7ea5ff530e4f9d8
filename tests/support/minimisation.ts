// Response minimisation through the real gateway, as a property: whoever the request is about and however it
// is put, what comes back carries only the result fields the governing agreement's scope allows, the audit
// log names only those as disclosed, and particulars the scope leaves out never appear in the result.
import fc from 'fast-check';
import { expect } from 'vitest';
import type { Person } from '../../sandbox/population/types.ts';
import { auditEntry } from './exchanges.ts';
import type { TestGateway } from './gateway.ts';

/** The response fields an agreement version allows for an exchange, read from the register API. */
export async function responseScope(
  gw: TestGateway,
  agreement: { id: string; version: string },
  exchange: string,
): Promise<string[]> {
  const res = await gw.http
    .get(`/v1/register/agreements/${agreement.id}/versions/${agreement.version}`)
    .set('authorization', `Bearer ${await gw.token('dpo')}`);
  expect(res.status).toBe(200);
  const terms = (res.body.version.exchanges as { exchange: string; responseFields: string[] }[]).find(
    (e) => e.exchange === exchange,
  );
  expect(terms).toBeDefined();
  return terms!.responseFields;
}

export interface Probe {
  body: unknown;
  /** Strings that must never appear in the result: particulars the scope does not let out. */
  forbidden: string[];
}

/** A spread of the population: the named fixtures and every n-th person, so runs reach many kinds of record. */
export function spreadOf(people: readonly Person[], every = 97): Person[] {
  return people.filter((p, i) => i < 12 || i % every === 0);
}

export async function checkMinimised(
  gw: TestGateway,
  exchange: string,
  path: string,
  clientId: string,
  probes: fc.Arbitrary<Probe>,
  numRuns = 25,
) {
  const token = await gw.token(clientId);
  const scopes = new Map<string, string[]>();
  let permitted = 0;
  await fc.assert(
    fc.asyncProperty(probes, async ({ body, forbidden }) => {
      const res = await gw.http
        .post(path)
        .set('authorization', `Bearer ${token}`)
        .send(body as object);
      expect([200, 403]).toContain(res.status);
      if (res.status === 403) {
        expect(res.body.result).toBeUndefined();
        return;
      }
      permitted += 1;
      const { agreement } = res.body.decision as { agreement: { id: string; version: string } };
      const key = `${agreement.id}@${agreement.version}`;
      if (!scopes.has(key)) scopes.set(key, await responseScope(gw, agreement, exchange));
      const scope = scopes.get(key)!;
      for (const field of Object.keys(res.body.result)) expect(scope).toContain(field);
      const result = JSON.stringify(res.body.result);
      for (const particular of forbidden) expect(result).not.toContain(particular);
      const outcome = (await auditEntry(gw, res.body.auditId)).outcomes[0]!.body;
      for (const field of outcome.fieldsDisclosed as string[]) expect(scope).toContain(field);
    }),
    { numRuns },
  );
  // A property that only ever saw refusals would prove nothing about what leaves.
  expect(permitted).toBeGreaterThan(0);
}
