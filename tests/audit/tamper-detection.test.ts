// An insider with superuser rights switches the append-only trigger off and changes the log directly. Verification
// must notice each kind of change and name the first entry it affects (issue 5: edited, deleted, inserted,
// reordered), and the signed checkpoints must catch a chain that was rewritten, hashes and all.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../audit/canonical.ts';
import { signCheckpoint } from '../../audit/checkpoint-token.ts';
import { hashOfCanonical } from '../../audit/entry-hash.ts';
import { memoryKeyRing } from '../../audit/signing-keys.ts';
import { openLogFixture, type LogFixture } from './log-fixture.ts';

let log: LogFixture;
let size: number;

beforeEach(async () => {
  log = await openLogFixture(30);
  size = (await log.verify()).checked;
});
afterEach(() => log.close());

const row = async (seq: number) =>
  (
    await log.db.raw(
      `select id::text as id, hash, prev_hash, body_canonical,
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at, kind from audit_log where seq = ?`,
      [seq],
    )
  ).rows[0];

describe('an untouched log', () => {
  it('verifies entry by entry and against its signed checkpoint', async () => {
    expect(size).toBeGreaterThanOrEqual(30);
    const result = await log.verify();
    expect(result).toMatchObject({
      ok: true,
      checked: size,
      head: size,
      checkpointsChecked: 1,
      protection: { intact: true },
    });
    expect(result.firstBad).toBeUndefined();
  });
});

describe('tampering as a superuser with the trigger disabled', () => {
  it('names an edited entry', async () => {
    await log.tamper(
      `update audit_log set body_canonical = replace(body_canonical, '"party":"home-office-ie"', '"party":"hmrc"') where seq = 7`,
    );
    const row = await log.db('audit_log').where({ seq: 7 }).first();
    expect((typeof row.body === 'string' ? JSON.parse(row.body) : row.body).party).toBe('hmrc');
    const result = await log.verify();
    expect(result).toMatchObject({ ok: false, checked: 6, firstBad: { seq: 7, problem: 'edited' } });
    // The search column, written from the text as it was, no longer agrees with it: said too.
    expect(result.protection.problems).toContain(
      'the search columns of 1 entries, from entry 7, do not say what their hashed text says',
    );
  });

  it("names an entry whose search column was changed behind its hashed text, which would hide it from a DPO's search", async () => {
    await log.tamper(`update audit_log set party = 'hmrc' where seq = 9`);
    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad).toBeUndefined();
    expect(result.protection.problems).toEqual([
      'the search columns of 1 entries, from entry 9, do not say what their hashed text says',
    ]);
  });

  it('names a deleted entry', async () => {
    await log.tamper('delete from audit_log where seq = 7');
    expect((await log.verify()).firstBad).toMatchObject({ seq: 7, problem: 'deleted' });
  });

  it('names a deleted entry when the entries after it were renumbered to close the gap', async () => {
    await log.tamper(
      'delete from audit_log where seq = 7',
      'update audit_log set seq = -(seq - 1) where seq > 7',
      'update audit_log set seq = -seq where seq < 0',
    );
    expect((await log.verify()).firstBad).toMatchObject({ seq: 7, problem: 'deleted' });
  });

  it('names an inserted entry, even one whose hash was computed exactly as the gateway would', async () => {
    const before = await row(6);
    const forged = {
      seq: 7,
      id: randomUUID(),
      recordedAt: before.recorded_at,
      kind: 'decision' as const,
      prevHash: before.hash,
    };
    const body = canonicalJson({ exchange: 'dfe.child-trace', party: 'home-office-ie', decision: 'permit' });
    await log.tamper(
      'update audit_log set seq = -seq where seq >= 7',
      'update audit_log set seq = -seq + 1 where seq < 0',
      [
        `insert into audit_log (seq, id, recorded_at, kind, body_canonical, prev_hash, hash) values (7, ?, ?, 'decision', ?, ?, ?)`,
        [forged.id, forged.recordedAt, body, forged.prevHash, hashOfCanonical(forged, body)],
      ],
    );
    expect((await log.verify()).firstBad).toMatchObject({ seq: 7, problem: 'inserted' });
  });

  it('names an inserted entry that does not even hash', async () => {
    const before = await row(6);
    await log.tamper(
      'update audit_log set seq = -seq where seq >= 7',
      'update audit_log set seq = -seq + 1 where seq < 0',
      [
        `insert into audit_log (seq, id, recorded_at, kind, body_canonical, prev_hash, hash) values (7, ?, now(), 'outcome', '{}', ?, ?)`,
        [randomUUID(), before.hash, 'f'.repeat(64)],
      ],
    );
    expect((await log.verify()).firstBad).toMatchObject({ seq: 7, problem: 'inserted' });
  });

  it('names two entries swapped in order', async () => {
    await log.tamper(
      'update audit_log set seq = -1 where seq = 7',
      'update audit_log set seq = 7 where seq = 8',
      'update audit_log set seq = 8 where seq = -1',
    );
    expect((await log.verify()).firstBad).toMatchObject({ seq: 7, problem: 'reordered' });
  });

  it('names the same positions however the log is read in batches', async () => {
    await log.tamper(
      'update audit_log set seq = -1 where seq = 10',
      'update audit_log set seq = 10 where seq = 11',
      'update audit_log set seq = 11 where seq = -1',
    );
    for (const batchSize of [1, 3, 10])
      expect((await log.verify({ batchSize })).firstBad).toMatchObject({ seq: 10, problem: 'reordered' });
  });

  it('catches an entry edited with its hash and every later hash recomputed, through the signed checkpoints', async () => {
    const firstCheckpoint = size;
    await log.grow(20);
    const head = (await log.verify()).checked;
    const target = firstCheckpoint + 5;
    // Rewrite the chain from the target on so that every hash and link is consistent again.
    const rows = (
      await log.db.raw(
        `select seq, id::text as id, kind, body_canonical, prev_hash, hash,
      to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at from audit_log where seq >= ? order by seq`,
        [target],
      )
    ).rows;
    let prevHash: string = rows[0].prev_hash;
    const updates: [string, unknown[]][] = [];
    for (const r of rows) {
      const body = Number(r.seq) === target ? r.body_canonical.replace('"home-office-ie"', '"hmrc"') : r.body_canonical;
      const hash = hashOfCanonical(
        { seq: Number(r.seq), id: r.id, recordedAt: r.recorded_at, kind: r.kind, prevHash },
        body,
      );
      updates.push([
        'update audit_log set body_canonical = ?, prev_hash = ?, hash = ? where seq = ?',
        [body, prevHash, hash, r.seq],
      ]);
      prevHash = hash;
    }
    await log.tamper('alter table audit_log drop constraint audit_log_hash_key', ...updates);
    const result = await log.verify();
    expect(result.checked).toBe(head);
    expect(result.firstBad).toMatchObject({ seq: firstCheckpoint + 1, problem: 'rewritten' });
  });

  it('catches the newest entries removed, because a checkpoint covers them', async () => {
    await log.tamper(`delete from audit_log where seq > ${size - 3}`);
    expect((await log.verify()).firstBad).toMatchObject({ seq: size - 2, problem: 'deleted' });
  });

  it('catches a checkpoint signed with a key that is not published', async () => {
    const intruder = await memoryKeyRing().active();
    const last = await row(size);
    const jws = await signCheckpoint(
      {
        size: size - 1,
        headHash: (await row(size - 1)).hash,
        rootHash: '0'.repeat(64),
        time: new Date().toISOString(),
      },
      intruder,
    );
    await log.db('audit_checkpoints').insert({
      size: size - 1,
      head_hash: last.hash,
      root_hash: '0'.repeat(64),
      signed_at: new Date(),
      key_id: intruder.kid,
      jws,
      frontier: '[]',
    });
    expect((await log.verify()).firstBad).toMatchObject({ seq: size - 1, problem: 'bad-checkpoint' });
  });
});

describe('the database protections themselves', () => {
  it('reports the append-only trigger switched off, even when no entry was changed', async () => {
    await log.db.raw('alter table audit_log disable trigger user');
    const result = await log.verify();
    expect(result.ok).toBe(false);
    expect(result.firstBad).toBeUndefined();
    expect(result.protection.problems).toContain('the trigger audit_log_no_change on audit_log is disabled');
    await log.db.raw('alter table audit_log enable trigger user');
  });

  it('reads the jsonb body itself when it is no longer generated from the hashed text, and names the entry changed there', async () => {
    await log.tamper(
      'alter table audit_log alter column body drop expression',
      `update audit_log set body = jsonb_set(body, '{party}', '"hmrc"') where seq = 9`,
    );
    const result = await log.verify();
    expect(result.protection).toMatchObject({ intact: false, bodyGenerated: false });
    expect(result.firstBad).toMatchObject({ seq: 9, problem: 'edited' });
  });
});
