// Issue 16: a log others keep honest. A second party registers a witness key with the administrator, runs the
// witness (npm run audit -- witness), which checks each new checkpoint is consistent with the last it saw and
// cosigns it; the gateway publishes the cosignatures. An insider who rewrites history as the database superuser
// and re-signs with the gateway's own key is refused by the witness, which says why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCheckpointer } from '../../audit/checkpoints.ts';
import { hashOfCanonical } from '../../audit/entry-hash.ts';
import { fixtures } from '../../sandbox/population/fixtures.ts';
import { runEntry } from '../support/commands.ts';
import { contractViolations } from '../support/contract-check.ts';
import { caller, type Caller } from '../support/exchanges.ts';
import { startTestGateway, type TestGateway } from '../support/gateway.ts';
import { cosignedAt, readNoteCheckpoint, type Jwks } from '../support/independent-verifier.ts';
import { hmrcStatusCheck, paths } from '../support/requests.ts';

let gw: TestGateway;
let admin: Caller;
let dpo: Caller;
let hmrc: Caller;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'witness-'));
const keyFile = path.join(dir, 'ico-witness.key');
const stateFile = path.join(dir, 'ico-witness.state.json');
const witnessName = 'ico.org.uk/audit-witness';
let vkey: string;

const witness = async (...args: string[]) =>
  runEntry('audit/cli/main.ts', ['witness', ...args], { WITNESS_TOKEN: await gw.token('hmrc-benefits') });
const run = () => witness('run', '--gateway', gw.baseUrl, '--key', keyFile, '--state', stateFile);
const state = () => JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { size: number; rootHash: string };
const growLog = async () =>
  expect((await hmrc.post(paths['hmrc.status-check'], hmrcStatusCheck(fixtures.turns30On2018_05_01))).status).toBe(200);

beforeAll(async () => {
  gw = await startTestGateway();
  admin = caller(gw, 'registry-admin');
  dpo = caller(gw, 'dpo');
  hmrc = caller(gw, 'hmrc-benefits');
  await growLog();
  const init = await witness('init', '--name', witnessName, '--key', keyFile);
  expect(init.code).toBe(0);
  vkey = init.stdout.trim();
});
afterAll(() => gw.close());

describe('registering a witness key', () => {
  it('takes a C2SP vkey from an administrator, once, and records it in the log', async () => {
    expect(vkey).toMatch(/^ico\.org\.uk\/audit-witness\+[0-9a-f]{8}\+[A-Za-z0-9+/]{44}$/);
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    const res = await admin.post('/v1/audit/witnesses', { vkey });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: witnessName, vkey, registeredBy: 'registry-admin', latest: null });
    const { status, headers, body, text } = res;
    expect(contractViolations({ method: 'POST', url: '/v1/audit/witnesses', status, headers, body, text })).toEqual([]);
    const entry = await gw.db('audit_log').where('kind', 'register-change').orderBy('seq', 'desc').first('body');
    expect(entry.body).toMatchObject({
      action: 'register-witness',
      actor: 'registry-admin',
      target: `witness/${witnessName}`,
    });
    expect((await admin.post('/v1/audit/witnesses', { vkey })).status).toBe(422);
  });

  it('refuses a key that is not a cosigning vkey, and anyone but an administrator', async () => {
    expect(
      (await admin.post('/v1/audit/witnesses', { vkey: vkey.replace(/\+[0-9a-f]{8}\+/, '+00000000+') })).status,
    ).toBe(400);
    expect((await dpo.post('/v1/audit/witnesses', { vkey })).status).toBe(403);
    await expect(gw.db.raw(`delete from audit_witnesses`)).rejects.toThrow(/append-only/);
  });
});

describe('a witness run', () => {
  it('cosigns the first checkpoint it sees, and the gateway publishes the cosignature on the note', async () => {
    const first = await run();
    expect(first.stdout).toMatch(/^cosigned: .* at \d+ entries \(first checkpoint seen\)/);
    expect(first.code).toBe(0);
    const jwks = (await gw.http.get('/.well-known/audit-keys.json')).body as Jwks;
    const note = readNoteCheckpoint((await hmrc.get('/v1/audit/checkpoint')).text, jwks);
    if (!note.ok) throw new Error(note.problem);
    expect(note.checkpoint.size).toBe(state().size);
    // <name>+<key ID>+<base64>: the base64 may itself hold '+', so it is everything after the second '+'.
    const publicKey = Buffer.from(vkey.slice(vkey.indexOf('+', vkey.indexOf('+') + 1) + 1), 'base64').subarray(1);
    expect(cosignedAt(note.checkpoint, witnessName, publicKey)).toEqual(expect.any(Number));
  });

  it('checks the log only grew since, then cosigns again; the DPO sees which size the witness has seen', async () => {
    const before = state().size;
    await growLog();
    await growLog();
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`consistent with ${before}`);
    expect(state().size).toBeGreaterThan(before);
    const listed = await dpo.get('/v1/audit/witnesses');
    expect(listed.body.witnesses).toEqual([
      expect.objectContaining({ name: witnessName, latest: expect.objectContaining({ treeSize: state().size }) }),
    ]);
    const verification = await dpo.get('/v1/audit/verification');
    expect(verification.body.ok).toBe(true);
    expect(verification.body.witnesses).toEqual([
      { name: witnessName, treeSize: state().size, cosignedAt: expect.any(String), verified: true },
    ]);
  });

  it('is not kept when it does not verify with the registered key', async () => {
    const size = state().size;
    const forged = `— ${witnessName} ${Buffer.alloc(76, 7).toString('base64')}`;
    const res = await hmrc.post('/v1/audit/checkpoint/cosignatures', { treeSize: size, cosignature: forged });
    expect(res.status).toBe(422);
    expect(
      (
        await hmrc.post('/v1/audit/checkpoint/cosignatures', {
          treeSize: size,
          cosignature: forged.replace(witnessName, 'nobody.example'),
        })
      ).status,
    ).toBe(404);
  });
});

describe('a history rewritten by an insider', () => {
  it('is refused by the witness, which says why and keeps the size it saw', async () => {
    const seen = state();
    // As the database superuser: edit the first decision (the agreement it names), recompute every later hash so the chain links again, throw away the
    // checkpoints, the tree and the cosignatures, then re-sign with the gateway's own key.
    const rows = (
      await gw.db.raw(`select seq, id::text as id, kind, body_canonical, prev_hash,
      to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at from audit_log
      where seq >= (select min(seq) from audit_log where kind = 'decision') order by seq`)
    ).rows;
    let prevHash: string = rows[0].prev_hash;
    const tables = ['audit_log', 'audit_checkpoints', 'audit_tree_nodes', 'audit_cosignatures'];
    for (const table of tables) await gw.db.raw(`alter table ${table} disable trigger user`);
    await gw.db.raw('alter table audit_log drop constraint audit_log_hash_key');
    for (const r of rows) {
      const body =
        r === rows[0]
          ? r.body_canonical.replace('"agreement":{"id":"', '"agreement":{"id":"rewritten-')
          : r.body_canonical;
      const hash = hashOfCanonical(
        { seq: Number(r.seq), id: r.id, recordedAt: r.recorded_at, kind: r.kind, prevHash },
        body,
      );
      await gw.db.raw('update audit_log set body_canonical = ?, prev_hash = ?, hash = ? where seq = ?', [
        body,
        prevHash,
        hash,
        r.seq,
      ]);
      prevHash = hash;
    }
    for (const table of ['audit_cosignatures', 'audit_checkpoints', 'audit_tree_nodes'])
      await gw.db.raw(`delete from ${table}`);
    for (const table of tables) await gw.db.raw(`alter table ${table} enable trigger user`);
    await growLog();
    await createCheckpointer(gw.db, gw.auditKeys, { every: 1_000_000, seconds: 0 }).checkpointNow();

    const refused = await run();
    expect(rows[0].body_canonical).toContain('"agreement":{"id":"');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`REFUSED: the log of`);
    expect(refused.stdout).toContain(`does not extend the log of ${seen.size} entries this witness cosigned`);
    expect(refused.stdout).toContain('history was rewritten');
    expect(state()).toEqual(seen);
    expect(Number((await gw.db('audit_cosignatures').count<{ c: string }[]>({ c: '*' }).first())!.c)).toBe(0);
  });
});
