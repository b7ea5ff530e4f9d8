// Issue 5: a DPO can verify the audit log offline with nothing but audit/CHAIN.md. The verifier used here
// (tests/support/independent-verifier.ts) was written from that document alone and imports nothing of the
// gateway's; everything it checks is fetched over HTTP from a running gateway, as a DPO or a partner would.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { caller, type Caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import {
  consistencyHolds,
  entryHash,
  merkleRoot,
  readCheckpoint,
  readNoteCheckpoint,
  thumbprint,
  verifyExport,
  verifyJws,
  verifyReceipt,
  type Entry,
  type Jwks,
} from '../support/independent-verifier.ts';
import { collaborationBody } from '../support/register.ts';
import { hmrcEvidenceRequest, hmrcStatusCheck, paths } from '../support/requests.ts';

let gw: TestGateway;
let dpo: Caller;
let jwks: Jwks;
let jsonl: string;
let csv: string;
const receipts: Record<string, any>[] = [];

beforeAll(async () => {
  gw = await startTestGateway();
  dpo = caller(gw, 'dpo');
  const ie = caller(gw, 'ie-removals-casework');
  const hmrc = caller(gw, 'hmrc-benefits');
  const permitted = await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(fixtures.traceableChildFather));
  expect(permitted.status).toBe(200);
  const dryRun = await ie.decide('hmrc.evidence-request', hmrcEvidenceRequest(fixtures.offenderUnder30));
  expect(dryRun.status).toBe(200);
  const statusCheck = await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(fixtures.turns30On2018_05_01));
  expect(statusCheck.body.auditId).toBeDefined();
  // A register change with text that needs escaping: quotes, a comma, a tab, non-ASCII and an astral character.
  const admin = caller(gw, 'registry-admin');
  expect(
    (
      await admin.post(
        '/v1/register/collaborations',
        collaborationBody('audit-verifier', { title: 'Quoted "title", with\ttab – é 😀' }),
      )
    ).status,
  ).toBe(201);

  jwks = (await gw.http.get('/.well-known/audit-keys.json')).body as Jwks;
  jsonl = (await dpo.get('/v1/audit/export?format=jsonl')).text;
  csv = (await dpo.get('/v1/audit/export?format=csv')).text;
  for (const [who, auditId] of [
    [ie, permitted.body.auditId],
    [ie, dryRun.body.auditId],
    [hmrc, statusCheck.body.auditId],
  ] as const) {
    const res = await who.get(`/v1/audit/receipts/${auditId}`);
    expect(res.status).toBe(200);
    receipts.push(res.body);
  }
});
afterAll(() => gw.close());

const logSize = async () => Number((await gw.db('audit_log').count<{ c: string }[]>({ c: '*' }).first())!.c);
const linesOf = (text: string) => text.slice(0, -1).split('\n');
const fileOf = (lines: string[]) => `${lines.join('\n')}\n`;
const entriesOf = (text: string) =>
  linesOf(text)
    .slice(1)
    .map((l) => JSON.parse(l) as Entry);

describe('an export fetched over HTTP, checked by a verifier written from CHAIN.md alone', () => {
  it('verifies every entry hash and link, the manifest signature, the checkpoint signature and the inclusion proof, in both formats', async () => {
    const size = await logSize();
    expect(size).toBeGreaterThanOrEqual(7);
    expect(verifyExport(jsonl, jwks)).toEqual({ ok: true, checked: size });
    expect(verifyExport(csv, jwks)).toEqual({ ok: true, checked: size });
  });

  it('holds entries whose hashes recompute one by one and chain from the genesis hash', () => {
    const entries = entriesOf(jsonl);
    let prev = '0'.repeat(64);
    entries.forEach((e, i) => {
      expect(e.seq).toBe(i + 1);
      expect(e.prevHash).toBe(prev);
      expect(entryHash(e)).toBe(e.hash);
      prev = e.hash;
    });
    expect(entries.map((e) => e.kind)).toEqual(
      expect.arrayContaining(['decision', 'outcome', 'dry-run', 'register-change']),
    );
    expect(JSON.stringify(entries)).toContain('Quoted \\"title\\", with\\ttab – é 😀');
  });

  it('is signed, manifest and checkpoint, by a key of the published set named by its thumbprint, over the Merkle root of the whole log', async () => {
    for (const key of jwks.keys) expect(key.kid).toBe(thumbprint(key));
    const manifest = JSON.parse(linesOf(jsonl)[0]!).manifest;
    const signed = verifyJws(manifest.signature, jwks, 'audit-export-manifest+jws');
    expect(signed.ok).toBe(true);
    const checkpoint = readCheckpoint(manifest.checkpoint.jws, jwks);
    if (!checkpoint.ok) throw new Error(checkpoint.problem);
    const hashes = entriesOf(jsonl).map((e) => e.hash);
    expect(checkpoint.checkpoint).toMatchObject({
      size: hashes.length,
      headHash: hashes[hashes.length - 1],
      rootHash: merkleRoot(hashes),
    });
  });

  it('verifies a run of the log bounded by time, chained from the signed hash before it, and an empty one', async () => {
    const entries = entriesOf(jsonl);
    const later = entries.find((e) => e.recordedAt > entries[0]!.recordedAt)!;
    for (const format of ['jsonl', 'csv']) {
      const res = await dpo.get(`/v1/audit/export?format=${format}&from=${later.recordedAt}`);
      expect(res.status).toBe(200);
      const manifest = JSON.parse(linesOf(res.text)[0]!.replace(/^# /, '')).manifest;
      expect(manifest).toMatchObject({ from: later.recordedAt, firstSeq: later.seq, firstPrevHash: later.prevHash });
      expect(verifyExport(res.text, jwks)).toEqual({ ok: true, checked: entries.length - later.seq + 1 });
    }
    const empty = await dpo.get('/v1/audit/export?format=jsonl&from=2100-01-01T00:00:00Z');
    expect(JSON.parse(linesOf(empty.text)[0]!).manifest).toMatchObject({ count: 0, firstSeq: null, checkpoint: null });
    expect(verifyExport(empty.text, jwks)).toEqual({ ok: true, checked: 0 });
  });

  it('says the CSV and the JSON lines hold the same entries', () => {
    const csvHashes = linesOf(csv)
      .slice(2)
      .map((l) => l.split(',')[5]);
    expect(csvHashes).toEqual(entriesOf(jsonl).map((e) => e.hash));
  });
});

describe('a tampered export', () => {
  // Each works on the entry lines alone (the first is entry 1), the same way in either format.
  const otherId = (line: string, id: string) => line.replace(id, `${id[0] === 'a' ? 'b' : 'a'}${id.slice(1)}`);
  const tamperings: [string, (rows: string[], ids: string[]) => string[], number | 'last'][] = [
    ['one line edited', (rows, ids) => rows.map((r, i) => (i === 2 ? otherId(r, ids[2]!) : r)), 3],
    ['one line deleted', (rows) => rows.filter((_, i) => i !== 2), 3],
    ['the last line deleted', (rows) => rows.slice(0, -1), 'last'],
    ['two lines swapped', (rows) => rows.map((r, i) => (i === 2 ? rows[3]! : i === 3 ? rows[2]! : r)), 3],
  ];

  for (const [what, tamper, seq] of tamperings) {
    it(`is rejected, jsonl and csv, with ${what}, at the first entry it affects`, async () => {
      const at = seq === 'last' ? await logSize() : seq;
      const ids = entriesOf(jsonl).map((e) => e.id);
      const [manifest, ...rows] = linesOf(jsonl);
      const edited = [manifest!, ...tamper(rows, ids)];
      expect(edited).not.toEqual(linesOf(jsonl));
      expect(verifyExport(fileOf(edited), jwks)).toMatchObject({ ok: false, seq: at });
      const [csvManifest, header, ...csvRows] = linesOf(csv);
      const csvEdited = [csvManifest!, header!, ...tamper(csvRows, ids)];
      expect(csvEdited).not.toEqual(linesOf(csv));
      expect(verifyExport(fileOf(csvEdited), jwks)).toMatchObject({ ok: false, seq: at });
    });
  }

  it('is rejected when every hash is recomputed after an edit: the signed manifest names another last entry', async () => {
    const lines = linesOf(jsonl);
    let prev = '0'.repeat(64);
    const forged = lines.slice(1).map((l, i) => {
      const e = JSON.parse(l) as Entry;
      if (i === 2) e.kind = 'dry-run';
      e.prevHash = prev;
      e.hash = entryHash(e);
      prev = e.hash;
      return JSON.stringify(e);
    });
    const size = await logSize();
    expect(verifyExport(fileOf([lines[0]!, ...forged]), jwks)).toEqual({
      ok: false,
      seq: size,
      problem: 'the last entry is not the one the manifest names',
    });
    // Changing the manifest to match breaks its signature.
    const manifest = JSON.parse(lines[0]!);
    manifest.manifest.lastHash = prev;
    expect(verifyExport(fileOf([JSON.stringify(manifest), ...forged]), jwks)).toEqual({
      ok: false,
      seq: null,
      problem: 'the manifest line is not what was signed',
    });
  });
});

describe('receipts fetched over HTTP by the parties that made the exchanges', () => {
  it('verify: the entry gives its hash and the inclusion proof reaches the signed root', () => {
    expect(receipts).toHaveLength(3);
    for (const receipt of receipts) expect(verifyReceipt(receipt as never, jwks)).toEqual({ ok: true, checked: 1 });
  });

  it('hold the same entry as the export', () => {
    const bySeq = new Map(entriesOf(jsonl).map((e) => [e.seq, e.hash]));
    for (const receipt of receipts) expect(bySeq.get(receipt.entry.seq)).toBe(receipt.entry.hash);
  });

  it('are rejected when the entry was changed, or the proof bent', () => {
    const changed = structuredClone(receipts[0]!);
    changed.entry.body.decision = changed.entry.body.decision === 'permit' ? 'deny' : 'permit';
    expect(verifyReceipt(changed as never, jwks)).toMatchObject({
      ok: false,
      problem: 'the entry does not give its hash',
    });
    const renumbered = structuredClone(receipts[0]!);
    renumbered.entry.seq += 1;
    expect(verifyReceipt(renumbered as never, jwks).ok).toBe(false);
    const bent = structuredClone(receipts[1]!);
    bent.inclusionProof.hashes[0] = `${bent.inclusionProof.hashes[0][0] === '0' ? '1' : '0'}${bent.inclusionProof.hashes[0].slice(1)}`;
    expect(verifyReceipt(bent as never, jwks)).toMatchObject({
      ok: false,
      problem: 'the inclusion proof does not reach the signed root',
    });
  });

  it('are rejected against a key set without the signing key', () => {
    expect(verifyReceipt(receipts[0] as never, { keys: [] })).toMatchObject({ ok: false });
  });
});

describe('the worked example in CHAIN.md', () => {
  const doc = fs.readFileSync(new URL('../../audit/CHAIN.md', import.meta.url), 'utf8');
  const example = (name: string) => {
    const m = new RegExp(`<!-- example: ${name.replace('.', '\\.')} -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``).exec(
      doc,
    );
    if (!m) throw new Error(`CHAIN.md has no example ${name}`);
    return m[1]!;
  };
  const docKeys = JSON.parse(example('jwks.json')) as Jwks;

  it('verifies: the key set, both exports and the receipt', () => {
    expect(docKeys.keys[0]!.kid).toBe(thumbprint(docKeys.keys[0]!));
    expect(verifyExport(`${example('export.jsonl')}\n`, docKeys)).toEqual({ ok: true, checked: 3 });
    expect(verifyExport(`${example('export.csv')}\n`, docKeys)).toEqual({ ok: true, checked: 3 });
    expect(verifyReceipt(JSON.parse(example('receipt.json')), docKeys)).toEqual({ ok: true, checked: 1 });
  });

  it('verifies the checkpoint as a signed note, and the consistency proof from 2 entries to 3', () => {
    const note = readNoteCheckpoint(`${example('checkpoint.note')}\n`, docKeys);
    expect(note).toMatchObject({
      ok: true,
      checkpoint: {
        origin: 'data-sharing-gateway.service.gov.uk/audit-log',
        size: 3,
        rootHash: 'b0fedebdbf4d0c03c7608d8763b6472cadfc3fd8800bb9c70eadb332e94c39be',
      },
    });
    const [rootOf2, rootOf3] = [
      '5153a2c3dd2b7328ffc94d77fb9aa007c206be8879ef8966f58f9c04aefc3a52',
      'b0fedebdbf4d0c03c7608d8763b6472cadfc3fd8800bb9c70eadb332e94c39be',
    ];
    const proof = ['ce9d77eadf7f9346ff2bfdc0b3282acbc1393529273144952b40637056bf133e'];
    expect(consistencyHolds(2, 3, proof, rootOf2, rootOf3)).toBe(true);
    expect(consistencyHolds(2, 3, proof, rootOf3, rootOf3)).toBe(false);
    expect(readNoteCheckpoint(`${example('checkpoint.note').replace('\n3\n', '\n4\n')}\n`, docKeys)).toMatchObject({
      ok: false,
    });
  });

  it('states the entry hashes and the Merkle root that its entries give', () => {
    const entries = entriesOf(`${example('export.jsonl')}\n`);
    for (const e of entries) expect(doc).toContain(`hash \`${e.hash}\``);
    expect(doc).toContain(
      `| root = SHA-256(0x01 ‖ node(0,1) ‖ leaf 2) | \`${merkleRoot(entries.map((e) => e.hash))}\` |`,
    );
    expect(doc).toContain('55c1f702f15df35c40262a4370155fd9a84cce803748459ac8b087c3a9df4795');
    expect(
      entryHash({
        seq: 1,
        id: '00000000-0000-4000-8000-000000000001',
        recordedAt: '2026-11-23T12:00:00.000Z',
        kind: 'decision',
        body: { exchange: 'dfe.child-trace', decision: 'permit', latencyMs: 42 },
        prevHash: '0'.repeat(64),
      }),
    ).toBe('55c1f702f15df35c40262a4370155fd9a84cce803748459ac8b087c3a9df4795');
  });
});
