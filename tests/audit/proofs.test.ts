// Issue 16: proofs in O(log n) and checkpoints others can read. A party checks that its entry is in the log, and
// anyone holding two checkpoints checks that the log only grew between them, with a verifier written from
// audit/CHAIN.md alone (tests/support/independent-verifier.ts) and with the offline command.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { runEntry } from '../support/commands.ts';
import { caller, type Caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import {
  consistencyHolds,
  inclusionHolds,
  readNoteCheckpoint,
  type Jwks,
  type NoteCheckpoint,
} from '../support/independent-verifier.ts';
import { hmrcEvidenceRequest, hmrcStatusCheck, paths } from '../support/requests.ts';

let gw: TestGateway;
let dpo: Caller;
let ie: Caller;
let hmrc: Caller;
let jwks: Jwks;
let ieAuditId: string;

beforeAll(async () => {
  gw = await startTestGateway();
  dpo = caller(gw, 'dpo');
  ie = caller(gw, 'ie-removals-casework');
  hmrc = caller(gw, 'hmrc-benefits');
  const permitted = await ie.post(paths['hmrc.evidence-request'], hmrcEvidenceRequest(fixtures.traceableChildFather));
  expect(permitted.status).toBe(200);
  ieAuditId = permitted.body.auditId;
  jwks = (await gw.http.get('/.well-known/audit-keys.json')).body as Jwks;
});
afterAll(() => gw.close());

async function checkpoint(): Promise<{ note: string; signed: NoteCheckpoint }> {
  const res = await hmrc.get('/v1/audit/checkpoint');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain/);
  const read = readNoteCheckpoint(res.text, jwks);
  if (!read.ok) throw new Error(read.problem);
  return { note: res.text, signed: read.checkpoint };
}

async function growLog() {
  expect((await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(fixtures.turns30On2018_05_01))).status).toBe(200);
}

describe('GET /v1/audit/checkpoint', () => {
  it("is a C2SP signed note: origin, size, base64 root, a blank line and the gateway's Ed25519 note signature", async () => {
    const { note, signed } = await checkpoint();
    expect(note).toMatch(/^[^\s+]+\n[1-9][0-9]*\n[A-Za-z0-9+/]{43}=\n\n— [^\s+]+ [A-Za-z0-9+/]+=*\n$/u);
    expect(signed.size).toBe(Number((await gw.db('audit_log').max<{ m: number }[]>({ m: 'seq' }).first())!.m));
    // The JWS checkpoint of the same size signs the same root.
    const jwsRow = await gw.db('audit_checkpoints').where('size', signed.size).first('root_hash');
    expect(jwsRow.root_hash).toBe(signed.rootHash);
  });

  it('needs a token of a role that may read receipts', async () => {
    expect((await gw.http.get('/v1/audit/checkpoint')).status).toBe(401);
    expect((await caller(gw, 'registry-admin').get('/v1/audit/checkpoint')).status).toBe(403);
  });
});

describe('GET /v1/audit/proofs/inclusion', () => {
  it("proves the party's entry is under the signed root, by a verifier written from CHAIN.md", async () => {
    const { signed } = await checkpoint();
    const res = await ie.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}&treeSize=${signed.size}`);
    expect(res.status).toBe(200);
    expect(res.body.treeSize).toBe(signed.size);
    expect(inclusionHolds(res.body.entryHash, res.body.leafIndex, signed.size, res.body.hashes, signed.rootHash)).toBe(
      true,
    );
    expect(
      inclusionHolds(res.body.entryHash, res.body.leafIndex, signed.size, res.body.hashes.slice(1), signed.rootHash),
    ).toBe(false);
  });

  it('defaults to the newest signed tree', async () => {
    await growLog();
    const { signed } = await checkpoint();
    const res = await dpo.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}`);
    expect(res.status).toBe(200);
    expect(res.body.treeSize).toBe(signed.size);
    expect(inclusionHolds(res.body.entryHash, res.body.leafIndex, signed.size, res.body.hashes, signed.rootHash)).toBe(
      true,
    );
  });

  it('is "not found" for another party\'s entry, and refuses sizes the entry is not in or no checkpoint reaches', async () => {
    // DWP is no party to IE's evidence request to HMRC (HMRC, which answered it, is: audit/entry-access.ts).
    expect((await caller(gw, 'dwp-benefits').get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}`)).status).toBe(404);
    expect((await hmrc.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}`)).status).toBe(200);
    const { body } = await ie.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}`);
    expect((await ie.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}&treeSize=${body.leafIndex}`)).status).toBe(
      422,
    );
    const beyond = await ie.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}&treeSize=${body.treeSize + 1000}`);
    expect(beyond.status).toBe(422);
    expect(beyond.body.detail).toContain(`covers ${body.treeSize} entries`);
    expect((await ie.get('/v1/audit/proofs/inclusion?auditId=not-a-uuid')).status).toBe(400);
    expect((await gw.http.get(`/v1/audit/proofs/inclusion?auditId=${ieAuditId}`)).status).toBe(401);
  });
});

describe('GET /v1/audit/proofs/consistency', () => {
  it('shows the log only grew between two signed checkpoints, offline as well', async () => {
    const older = await checkpoint();
    await growLog();
    await growLog();
    const newer = await checkpoint();
    expect(newer.signed.size).toBeGreaterThan(older.signed.size);
    const res = await hmrc.get(`/v1/audit/proofs/consistency?from=${older.signed.size}&to=${newer.signed.size}`);
    expect(res.status).toBe(200);
    expect(
      consistencyHolds(
        older.signed.size,
        newer.signed.size,
        res.body.hashes,
        older.signed.rootHash,
        newer.signed.rootHash,
      ),
    ).toBe(true);
    expect(
      consistencyHolds(
        older.signed.size,
        newer.signed.size,
        res.body.hashes,
        newer.signed.rootHash,
        newer.signed.rootHash,
      ),
    ).toBe(false);

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'consistency-'));
    const file = (name: string, text: string) => {
      fs.writeFileSync(path.join(dir, name), text);
      return path.join(dir, name);
    };
    const args = [
      file('old.txt', older.note),
      file('new.txt', newer.note),
      file('proof.json', JSON.stringify(res.body)),
      '--jwks',
      file('jwks.json', JSON.stringify(jwks)),
    ];
    const ok = await runEntry('audit/cli/main.ts', ['verify-consistency', ...args], {});
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toContain(`of ${newer.signed.size} entries extends the one of ${older.signed.size} entries`);
    const bent = { ...res.body, hashes: [...res.body.hashes].reverse() };
    const refused = await runEntry(
      'audit/cli/main.ts',
      ['verify-consistency', args[0]!, args[1]!, file('bent.json', JSON.stringify(bent)), '--jwks', args[4]!],
      {},
    );
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('FAILED: the log of');
  });

  it('refuses from beyond to (400) and a size no checkpoint reaches (422)', async () => {
    expect((await hmrc.get('/v1/audit/proofs/consistency?from=3&to=2')).status).toBe(400);
    expect((await hmrc.get('/v1/audit/proofs/consistency?from=1&to=100000')).status).toBe(422);
    expect((await hmrc.get('/v1/audit/proofs/consistency?from=0&to=2')).status).toBe(400);
  });
});
