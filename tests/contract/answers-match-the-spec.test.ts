// The gateway against its own contract, both ways (issue 14: 40 statuses the spec did not list). A broad sample of
// requests, each operation called as its rightful caller, as a stranger, as the wrong role, with bodies that are
// wrong in each way, with a query string it does not know, and by a client over its rate limit, and every answer
// checked against openapi.yaml: its status listed for the operation, its content type and body as documented, and
// the headers that status declares required present. An undocumented status fails the test.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openapi } from '../../contracts/openapi.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { childTraceRequest, fixedClock } from '../support/child-trace.ts';
import { contractViolations, operationFor, type Answer } from '../support/contract-check.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';

let gw: TestGateway;
const answers: Answer[] = [];
const tokens = new Map<string, string>();

beforeAll(async () => {
  gw = await startTestGateway({ clock: fixedClock, rateLimitPerMinute: 400 });
});
afterAll(() => gw.close());

async function call(
  method: string,
  url: string,
  as: string | null,
  body?: { type: string; text: string },
  headers: Record<string, string> = {},
) {
  let req = (gw.http as unknown as Record<string, (u: string) => import('supertest').Test>)[method.toLowerCase()]!(url);
  if (as) {
    if (!tokens.has(as)) tokens.set(as, await gw.token(as));
    req = req.set('authorization', `Bearer ${tokens.get(as)}`);
  }
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = body ? await req.set('content-type', body.type).send(body.text) : await req;
  const answer = { method, url, status: res.status, headers: res.headers, body: res.body, text: res.text };
  answers.push(answer);
  return answer;
}
const json = (value: unknown) => ({ type: 'application/json', text: JSON.stringify(value) });

/** Every gateway operation with a concrete URL: path parameters filled from the default register or made up. */
function concreteOperations(ids: Record<string, string>) {
  return Object.entries(openapi.paths).flatMap(([path, item]) =>
    Object.entries(
      item as Record<string, { operationId: string; tags?: string[]; requestBody?: unknown; security?: unknown[] }>,
    )
      .filter(([method, op]) => ['get', 'post', 'put'].includes(method) && !op.tags?.includes('upstream'))
      .map(([method, op]) => ({
        method: method.toUpperCase(),
        op,
        url: path.replace(/\{(\w+)\}/g, (_m, name: string) => ids[name] ?? 'unknown-thing'),
        secured: op.security?.length !== 0,
        takesBody: op.requestBody !== undefined,
      })),
  );
}

describe('every answer is one the contract documents', () => {
  it('for a broad sample of requests to every operation', async () => {
    // From the default register: the DfE child-tracing collaboration, its agreement and version, the Windrush pause.
    const directives = (await call('GET', '/v1/register/directives', 'sro')).body as { directives: { id: string }[] };
    const permitted = await call(
      'POST',
      '/v1/exchanges/dfe/child-trace',
      'ie-removals-casework',
      json(childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' })),
    );
    const auditId = (permitted.body as { auditId: string }).auditId;
    const ids = {
      collaborationId: 'ie-dfe-child-tracing',
      agreementId: 'ie-dfe-child-tracing-mou',
      version: '2.0',
      directiveId: directives.directives[0]!.id,
      auditId,
    };
    const operations = concreteOperations(ids);
    const roles = ['ie-removals-casework', 'dpo', 'sro', 'registry-admin'];

    for (const { method, url, secured, takesBody } of operations) {
      // Its callers, with an empty body where it takes one: answers from 200 to 400, 403, 404, 409 and 422.
      for (const as of secured ? roles : [null]) await call(method, url, as, takesBody ? json({}) : undefined);
      if (secured) {
        await call(method, url, null, takesBody ? json({}) : undefined);
        await call(method, url, 'dpo', undefined, { authorization: 'Bearer not-a-token' });
      }
      if (takesBody) {
        await call(method, url, secured ? 'registry-admin' : null, { type: 'text/plain', text: 'hello' });
        await call(method, url, secured ? 'registry-admin' : null, json({ padding: 'x'.repeat(80 * 1024) }));
        await call(method, url, secured ? 'registry-admin' : null, { type: 'application/json', text: '{"oops' });
      }
      if (method === 'GET') await call(method, `${url}?_=1&unknown=2`, secured ? 'sro' : null);
    }

    // Real work: a refusal, a dry run, feedback, an idempotent replay, the DPO's reads, the receipt.
    await call(
      'POST',
      '/v1/exchanges/dfe/child-trace',
      'ie-removals-casework',
      json(
        childTraceRequest(
          { ...fixtures.traceableChild, postcode: 'LS6 2AB' },
          { grounds: { parentBelievedImmigrationOffender: false } },
        ),
      ),
    );
    await call(
      'POST',
      '/v1/decisions',
      'ie-removals-casework',
      json({
        exchange: 'dfe.child-trace',
        request: childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }),
      }),
    );
    await call(
      'POST',
      '/v1/decisions',
      'dpo',
      json({
        exchange: 'dfe.child-trace',
        request: childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }),
      }),
    );
    await call('POST', '/v1/feedback', 'ie-removals-casework', json({ auditId, outcome: 'no-action' }));
    await call('POST', '/v1/feedback', 'ie-removals-casework', json({ auditId, outcome: 'no-action' }));
    const key = randomUUID();
    const body = json(childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }));
    await call('POST', '/v1/exchanges/dfe/child-trace', 'ie-removals-casework', body, { 'idempotency-key': key });
    await call('POST', '/v1/exchanges/dfe/child-trace', 'ie-removals-casework', body, { 'idempotency-key': key });
    await call(
      'POST',
      '/v1/exchanges/dfe/child-trace',
      'ie-removals-casework',
      json({ ...JSON.parse(body.text), caseReference: 'IE-RC-2026-0099' }),
      { 'idempotency-key': key },
    );
    await call('GET', `/v1/audit/entries/${auditId}`, 'dpo');
    await call('GET', `/v1/audit/entries/${auditId}`, 'sro');
    await call('GET', `/v1/audit/entries/${auditId}`, 'ie-removals-casework');
    await call('GET', `/v1/audit/receipts/${auditId}`, 'ie-removals-casework');
    await call('GET', '/v1/audit/entries?limit=5', 'dpo');
    await call('GET', `/v1/audit/entries/${randomUUID()}`, 'dpo');
    await call('GET', '/v1/register/collaborations/no-such-collaboration', 'sro');
    await call('GET', '/v1/measures/collaborations/no-such-collaboration', 'sro');
    await call(
      'POST',
      '/v1/register/directives/no-such-directive/end',
      'registry-admin',
      json({ lastDay: '2030-01-01', reason: 'x' }),
    );
    await call('GET', '/v1/measures?from=2026-11-01&to=2026-11-30', 'sro');

    // A batch, taken (202), polled until done (200) and its results read (NDJSON, each line against its schema).
    const batch = await call(
      'POST',
      '/v1/exchanges/dfe/child-trace/batches',
      'ie-removals-casework',
      json([
        childTraceRequest({ ...fixtures.traceableChild, postcode: 'LS6 2AB' }),
        childTraceRequest(
          { ...fixtures.traceableChild, postcode: 'LS6 2AB' },
          { grounds: { parentBelievedImmigrationOffender: false } },
        ),
        { purpose: 'not-a-record' },
      ]),
    );
    const location = String(batch.headers.location);
    for (let polls = 0; polls < 300; polls += 1) {
      const progress = await call('GET', location, 'ie-removals-casework');
      if ((progress.body as { state?: string }).state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const results = await call('GET', `${location}/results`, 'ie-removals-casework');
    expect(
      results.text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line).status),
    ).toEqual(['permitted', 'refused', 'invalid']);
    // The answers that are not JSON: export lines and CSV, CSV reports and lists, the checkpoint note, the metrics.
    await call('GET', '/v1/audit/export?format=jsonl', 'dpo');
    await call('GET', '/v1/audit/export?format=csv', 'dpo');
    await call('POST', '/v1/audit/subject-report?format=csv', 'dpo', json({ nino: 'YH204817B' }));
    await call('GET', '/v1/audit/checkpoint', 'dpo');
    await call('GET', '/v1/register/published?format=csv', null);
    await call('GET', '/metrics', null, undefined, { authorization: `Bearer ${gw.config.metricsToken}` });

    // A client over its allowance: every authenticated operation answers 429.
    const flooded = 'wealdbridge-ovm';
    while ((await call('GET', '/v1/register/parties', flooded)).status !== 429);
    for (const { method, url, secured, takesBody } of operations.filter((o) => o.secured)) {
      if (secured) await call(method, url, flooded, takesBody ? json({}) : undefined);
    }

    const covered = new Set(answers.map((a) => operationFor(a.method, a.url)?.operationId).filter(Boolean));
    expect(covered.size).toBe(operations.length);
    expect(answers.length).toBeGreaterThan(400);
    const statuses = new Set(answers.map((a) => a.status));
    for (const status of [200, 201, 202, 400, 401, 403, 404, 409, 413, 415, 422, 429])
      expect(statuses, `no ${status} in the sample`).toContain(status);
    const succeeded = (operationId: string, status: number) =>
      answers.some((a) => a.status === status && operationFor(a.method, a.url)?.operationId === operationId);
    for (const [operationId, status] of [
      ['submitExchangeBatch', 202],
      ['getBatch', 200],
      ['getBatchResults', 200],
      ['exportAuditLog', 200],
      ['auditSubjectReport', 200],
      ['publishedCollaborations', 200],
      ['getMetrics', 200],
    ] as const)
      expect(succeeded(operationId, status), `no ${status} from ${operationId} in the sample`).toBe(true);
    const violations = [...new Set(answers.flatMap(contractViolations))];
    expect(violations).toEqual([]);
  }, 240_000);
});

describe('the check itself', () => {
  const ok = {
    method: 'GET',
    url: '/health',
    status: 200,
    headers: { 'content-type': 'application/json', 'x-request-id': 'r', 'x-gateway-request-id': 'g' },
    body: { status: 'alive' },
    text: '{"status":"alive"}',
  };
  it('passes an answer as documented', () => expect(contractViolations(ok)).toEqual([]));
  it('fails a status the operation does not list', () =>
    expect(contractViolations({ ...ok, status: 418 })).toEqual([
      expect.stringContaining('health 418: status not documented'),
    ]));
  it('fails a content type the status does not declare', () =>
    expect(contractViolations({ ...ok, headers: { ...ok.headers, 'content-type': 'text/html' } })).toEqual([
      expect.stringContaining('content type text/html'),
    ]));
  it('fails a body that breaks its schema', () =>
    expect(contractViolations({ ...ok, body: { status: 'alive', extra: 1 } })[0]).toMatch(/breaks its schema/));
  it('fails an authenticated success without its RateLimit fields', () => {
    const list = { parties: [] };
    const violations = contractViolations({
      method: 'GET',
      url: '/v1/register/parties',
      status: 200,
      headers: { 'content-type': 'application/json', 'x-request-id': 'r', 'x-gateway-request-id': 'g' },
      body: list,
      text: JSON.stringify(list),
    });
    expect(violations).toEqual(expect.arrayContaining(['listParties 200: header RateLimit missing']));
  });
  it('fails an NDJSON line that breaks its line schema', () => {
    const violations = contractViolations({
      method: 'GET',
      url: '/v1/batches/7a1c4e2b-9d3f-4b6a-8e5c-1f0a2b3c4d5e/results',
      status: 200,
      headers: {
        'content-type': 'application/x-ndjson',
        'x-request-id': 'r',
        'x-gateway-request-id': 'g',
        ratelimit: 'x',
        'ratelimit-policy': 'y',
      },
      body: {},
      text: '{"index":0,"status":"permitted"}\n{"index":1,"status":"lost"}\n',
    });
    expect(violations).toEqual([expect.stringContaining('getBatchResults 200: a line breaks its schema')]);
  });
  it('fails a 429 without Retry-After', () => {
    const problem = { type: '/problems/rate-limited', title: 't', status: 429, detail: 'd', code: 'rate-limited' };
    const violations = contractViolations({
      method: 'GET',
      url: '/v1/register/parties',
      status: 429,
      headers: {
        'content-type': 'application/problem+json',
        'x-request-id': 'r',
        'x-gateway-request-id': 'g',
        ratelimit: 'x',
        'ratelimit-policy': 'y',
      },
      body: problem,
      text: JSON.stringify(problem),
    });
    expect(violations).toEqual(['listParties 429: header Retry-After missing']);
  });
});
