// Hostile input against every endpoint in openapi.yaml: malformed JSON, wrong types, odd unicode, injection
// strings, huge numbers, oversized bodies. Whatever arrives, the gateway answers with a 2xx or a 4xx
// problem+json, never a 5xx, and the audit chain stays whole.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapi } from '../../contracts/openapi.ts';
import { entryHash } from '../../audit/entry-hash.ts';
import { toEntry } from '../../audit/read.ts';
import { sandboxClients } from '../../gateway/auth/sandbox-clients.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

interface Endpoint {
  method: string;
  path: string;
}

const endpoints: Endpoint[] = Object.entries(openapi.paths).flatMap(([path, item]) =>
  Object.entries(item as Record<string, { tags?: string[] }>)
    .filter(([method, op]) => ['get', 'post', 'put'].includes(method) && !op.tags?.includes('upstream'))
    .map(([method]) => ({ method, path })),
);

const nasty = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(
    "' OR 1=1 --",
    '"; DROP TABLE audit_log; --',
    '<script>alert(1)</script>',
    '../../etc/passwd',
    '\u0000',
    '\uFEFF',
    '𝕏'.repeat(50),
    '%00',
    '${jndi:ldap://x}',
    'HO-4000004',
    'YH204817B',
    '1948-06-02',
    '9999-99-99',
    'NaN',
    '-0',
    '1e400',
  ),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  any: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.bigInt().map(String),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('any'), { maxLength: 4 }),
    fc.dictionary(nasty, tie('any'), { maxKeys: 5 }),
  ),
})).any;

/** A plausible body for the path with one part of it made hostile, so the fuzz reaches past the first check. */
const body = fc.oneof(
  value,
  fc.record({ purpose: nasty, legalBasis: nasty, caseReference: nasty, subject: value }),
  fc.record({ exchange: fc.constantFrom('dfe.child-trace', 'hmrc.status-check', 'nope'), request: value, asOf: nasty }),
);

let gw: TestGateway;
let tokens: string[];
beforeAll(async () => {
  gw = await startTestGateway({ clock: () => new Date('2026-11-23T12:00:00Z') });
  tokens = await Promise.all(sandboxClients.map((c) => gw.token(c.id)));
});
afterAll(() => gw.close());

describe('hostile input on every endpoint', () => {
  it(`never yields a 5xx across ${endpoints.length} endpoints and 10,000 cases`, async () => {
    const failures: string[] = [];
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...endpoints),
        body,
        nasty,
        fc.nat(tokens.length),
        fc.constantFrom('json', 'raw', 'huge'),
        async (endpoint, payload, pathValue, who, encoding) => {
          const url =
            endpoint.path.replace(/\{\w+\}/g, () => encodeURIComponent(pathValue)) +
            (endpoint.method === 'get'
              ? `?asOf=${encodeURIComponent(pathValue)}&limit=${encodeURIComponent(pathValue)}`
              : '');
          let req = (gw.http as unknown as Record<string, (u: string) => import('supertest').Test>)[endpoint.method]!(
            url,
          );
          if (who < tokens.length) req = req.set('authorization', `Bearer ${tokens[who]}`);
          if (endpoint.method !== 'get') {
            req = req.set('content-type', 'application/json');
            const text =
              encoding === 'json'
                ? (JSON.stringify(payload) ?? 'null')
                : encoding === 'raw'
                  ? String(pathValue)
                  : JSON.stringify({ padding: 'x'.repeat(100_000) });
            req = req.send(text);
          }
          const res = await req;
          seen.add(res.status);
          if (res.status >= 500)
            failures.push(
              `${endpoint.method.toUpperCase()} ${endpoint.path} → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
            );
          if (res.status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 10_000, seed: 20181023 },
    );
    expect(failures).toEqual([]);
    // The fuzz reached past each gate: unauthenticated, invalid, forbidden, missing, too large.
    expect([...seen]).toEqual(expect.arrayContaining([400, 401, 403, 404, 413]));
  }, 600_000);

  it('leaves the audit chain whole after the onslaught', async () => {
    const entries = (await gw.db('audit_log').orderBy('seq')).map(toEntry);
    entries.forEach((entry, i) => {
      expect(entry.seq).toBe(i + 1);
      expect(entry.hash).toBe(entryHash(entry));
      if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]!.hash);
    });
  });
});
