// Issue 5: the gateway's own offline checks, through HTTP. A DPO's export verifies with audit/verify-export.ts
// against the published key set alone, and names the first entry a tampered file gets wrong; a partner's receipt
// for its own exchange verifies with audit/verify-receipt.ts; neither needs the database. Receipts and
// exports keep verifying across a key rotation, because old keys stay published.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Receipt } from '../../audit/receipts.ts';
import { anyBody } from '../../audit/types.ts';
import { memoryKeyRing, type Jwks } from '../../audit/signing-keys.ts';
import { verifyExport } from '../../audit/verify-export.ts';
import { verifyReceipt } from '../../audit/verify-receipt.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { caller, type Caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { collaborationBody } from '../support/register.ts';
import { hmrcEvidenceRequest, paths } from '../support/requests.ts';

let gw: TestGateway;
let dpo: Caller;
let ie: Caller;
let dfe: Caller;
let ieAuditId: string;

beforeAll(async () => {
  gw = await startTestGateway({ auditKeys: memoryKeyRing() });
  dpo = caller(gw, 'dpo');
  ie = caller(gw, 'ie-removals-casework');
  dfe = caller(gw, 'dfe-pupil-data');
  const res = await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(fixtures.traceableChildFather));
  expect(res.status).toBe(200);
  ieAuditId = res.body.auditId;
  expect(
    (await caller(gw, 'registry-admin').post('/v1/register/collaborations', collaborationBody('export-receipts')))
      .status,
  ).toBe(201);
});
afterAll(() => gw.close());

const publishedKeys = async () => (await gw.http.get('/.well-known/audit-keys.json')).body as Jwks;
const exportFile = async (format: 'jsonl' | 'csv') => {
  const res = await dpo.get(`/v1/audit/export?format=${format}`);
  expect(res.status).toBe(200);
  return res.text;
};
/** The file as verify-export reads it: one line at a time, as from a file on disk. */
async function* linesOf(text: string) {
  yield* text.split('\n');
}
const logSize = async () => Number((await gw.db('audit_log').count<{ c: string }[]>({ c: '*' }).first())!.c);
const kidOf = (jws: string) => JSON.parse(Buffer.from(jws.split('.')[0]!, 'base64url').toString()).kid as string;

function expectProblem(
  res: { status: number; headers: Record<string, string>; body: Record<string, unknown> },
  status: number,
) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, type: expect.stringMatching(/^\/problems\//), detail: expect.any(String) });
}

describe('GET /v1/audit/export', () => {
  it('gives a file that verifies against the published keys alone, in both formats', async () => {
    const jwks = await publishedKeys();
    const size = await logSize();
    for (const format of ['jsonl', 'csv'] as const) {
      const text = await exportFile(format);
      expect(await verifyExport(linesOf(text), jwks)).toEqual({ ok: true, checked: size, keys: 'supplied' });
    }
  });

  const tamperings: [string, (rows: string[]) => string[], 'edited' | 'deleted' | 'reordered'][] = [
    [
      'one entry edited',
      (rows) => rows.map((r, i) => (i === 2 ? r.replace('home-office-ie', 'home-office-xx') : r)),
      'edited',
    ],
    ['one entry deleted', (rows) => rows.filter((_, i) => i !== 2), 'deleted'],
    ['two entries swapped', (rows) => rows.map((r, i) => (i === 2 ? rows[3]! : i === 3 ? rows[2]! : r)), 'reordered'],
  ];
  for (const [what, tamper, problem] of tamperings) {
    it(`names entry 3 as the first bad one when the file has ${what}`, async () => {
      const jwks = await publishedKeys();
      for (const format of ['jsonl', 'csv'] as const) {
        const lines = (await exportFile(format)).split('\n');
        const head = lines.splice(0, format === 'csv' ? 2 : 1);
        const tampered = [...head, ...tamper(lines)];
        expect(tampered).not.toEqual([...head, ...lines]);
        const check = await verifyExport(linesOf(tampered.join('\n')), jwks);
        expect(check, format).toMatchObject({ ok: false, firstBad: { seq: 3, problem } });
      }
    });
  }

  it('does not pass off one format as the other: the signed manifest says which entries follow', async () => {
    const [jsonlManifest] = (await exportFile('jsonl')).split('\n');
    const [, ...csvLines] = (await exportFile('csv')).split('\n');
    const check = await verifyExport(linesOf([`# ${jsonlManifest}`, ...csvLines].join('\n')), await publishedKeys());
    expect(check).toMatchObject({ ok: false, firstBad: { seq: null, problem: 'malformed' } });
  });

  it('does not verify against a key set without the key that signed it', async () => {
    const text = await exportFile('jsonl');
    const stranger = await memoryKeyRing().jwks();
    expect(await verifyExport(linesOf(text), stranger)).toMatchObject({ ok: false, firstBad: { problem: 'manifest' } });
  });

  it('answers a bad query with 400 problem+json', async () => {
    expectProblem(await dpo.get('/v1/audit/export?format=xml'), 400);
    expectProblem(
      await dpo.get('/v1/audit/export?format=jsonl&from=2026-12-01T00:00:00Z&to=2026-11-01T00:00:00Z'),
      400,
    );
    expectProblem(await dpo.get('/v1/audit/export?format=csv&from=yesterday'), 400);
    expectProblem(await dpo.get('/v1/audit/export?format=csv&from=2026-06-30T23:59:60Z'), 400);
  });

  it('takes any time the contract does, even one PostgreSQL cannot hold, and exports what lies in range', async () => {
    const all = await dpo.get(
      '/v1/audit/export?format=jsonl&from=0000-01-01T00:00:00Z&to=9999-12-31T23:59:59.999999-23:59',
    );
    expect(all.status).toBe(200);
    const manifest = JSON.parse(all.text.split('\n')[0]!).manifest;
    expect(manifest.count).toBe(Number((await gw.db('audit_log').count({ n: '*' }).first())!.n));
    expect(await verifyExport(linesOf(all.text), await gw.auditKeys.jwks())).toMatchObject({ ok: true });
  });

  it('is for DPOs only', async () => {
    expectProblem(await ie.get('/v1/audit/export?format=jsonl'), 403);
    expectProblem(await gw.http.get('/v1/audit/export?format=jsonl'), 401);
  });
});

describe('GET /v1/audit/receipts/{auditId}', () => {
  it("gives the party its own exchange's receipt, which verifies against the published keys", async () => {
    const res = await ie.get(`/v1/audit/receipts/${ieAuditId}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      auditId: ieAuditId,
      entry: { id: ieAuditId, kind: 'decision' },
      keys: '/.well-known/audit-keys.json',
    });
    const check = await verifyReceipt(res.body as Receipt, await publishedKeys());
    expect(check).toMatchObject({ ok: true, treeSize: res.body.inclusionProof.treeSize });
  });

  it('rejects a receipt whose entry was changed', async () => {
    const receipt = (await ie.get(`/v1/audit/receipts/${ieAuditId}`)).body as Receipt;
    anyBody(receipt.entry).purpose = 'something-else';
    expect(await verifyReceipt(receipt, await publishedKeys())).toEqual({
      ok: false,
      problem: 'the entry does not match its hash',
    });
  });

  it('answers another party asking for the entry or its receipt with 404, as for an id that does not exist', async () => {
    for (const path of [`/v1/audit/receipts/${ieAuditId}`, `/v1/audit/entries/${ieAuditId}`]) {
      const theirs = await dfe.get(path);
      expectProblem(theirs, 404);
      const none = await dfe.get(path.replace(ieAuditId, '00000000-0000-4000-8000-000000000000'));
      expectProblem(none, 404);
      expect(theirs.body.detail).toBe(none.body.detail);
    }
  });

  it('answers a malformed id with 400 problem+json', async () => {
    expectProblem(await ie.get('/v1/audit/receipts/not-a-uuid'), 400);
  });
});

describe('after the signing key is rotated', () => {
  it('keeps old receipts verifying, signs new checkpoints with the new kid, and publishes both keys', async () => {
    const before = (await ie.get(`/v1/audit/receipts/${ieAuditId}`)).body as Receipt;
    const oldKid = kidOf(before.checkpoint.jws);
    expect((await publishedKeys()).keys.map((k) => k.kid)).toEqual([oldKid]);

    const { kid: newKid } = await gw.auditKeys.rotate();
    expect(newKid).not.toBe(oldKid);
    const res = await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(fixtures.traceableChildFather));
    expect(res.status).toBe(200);
    const after = (await ie.get(`/v1/audit/receipts/${res.body.auditId}`)).body as Receipt;
    expect(kidOf(after.checkpoint.jws)).toBe(newKid);
    expect(after.checkpoint.kid).toBe(newKid);

    const jwks = await publishedKeys();
    expect(jwks.keys.map((k) => k.kid)).toEqual([oldKid, newKid]);
    expect(await verifyReceipt(before, jwks)).toMatchObject({ ok: true });
    expect(await verifyReceipt(after, jwks)).toMatchObject({ ok: true });
    // The old receipt is still served as it was: its checkpoint is the smallest that covers the entry.
    expect(((await ie.get(`/v1/audit/receipts/${ieAuditId}`)).body as Receipt).checkpoint.jws).toBe(
      before.checkpoint.jws,
    );

    // An export now spans both keys: the manifest signed with the new one, the checkpoint too.
    const text = await exportFile('jsonl');
    const manifest = JSON.parse(text.split('\n')[0]!).manifest;
    expect(kidOf(manifest.signature)).toBe(newKid);
    expect(await verifyExport(linesOf(text), jwks)).toEqual({ ok: true, checked: await logSize(), keys: 'supplied' });

    // A key set missing the key that signed makes verification fail.
    const withoutOld = { keys: jwks.keys.filter((k) => k.kid !== oldKid) };
    expect(await verifyReceipt(before, withoutOld)).toEqual({
      ok: false,
      problem: 'the checkpoint cannot be trusted: it was signed with a key that is not in the published key set',
    });
    expect(await verifyReceipt(after, withoutOld)).toMatchObject({ ok: true });
    const withoutNew = { keys: jwks.keys.filter((k) => k.kid !== newKid) };
    expect(await verifyReceipt(after, withoutNew)).toMatchObject({ ok: false });
    expect(await verifyExport(linesOf(text), withoutNew)).toMatchObject({
      ok: false,
      firstBad: { problem: 'manifest' },
    });
  });
});

describe('the worked example in CHAIN.md', () => {
  const doc = fs.readFileSync(new URL('../../audit/CHAIN.md', import.meta.url), 'utf8');
  const example = (name: string) =>
    new RegExp(`<!-- example: ${name.replace('.', '\\.')} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(doc)![1]!;

  it("verifies with the gateway's own verifiers, as with the independent one", async () => {
    const jwks = JSON.parse(example('jwks.json')) as Jwks;
    for (const file of ['export.jsonl', 'export.csv'])
      expect(await verifyExport(linesOf(example(file)), jwks)).toEqual({ ok: true, checked: 3, keys: 'supplied' });
    expect(await verifyReceipt(JSON.parse(example('receipt.json')) as Receipt, jwks)).toMatchObject({
      ok: true,
      treeSize: 3,
    });
  });
});
