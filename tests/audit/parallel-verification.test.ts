// Issue 16: full verification split across worker threads gives the DPO exactly the answer the single-threaded
// verification gives, for a sound log and for a tampered one. Workers need a PostgreSQL server (each opens its
// own connection); on the embedded database the same call runs single-threaded, and says so (workers: 0).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stopVerificationWorkers, verifyLogInParallel } from '../../audit/verify-parallel.ts';
import { openLogFixture, type LogFixture } from './log-fixture.ts';

let log: LogFixture;

beforeAll(async () => {
  log = await openLogFixture(2500);
  await log.grow(700);
}, 120_000);
afterAll(async () => {
  stopVerificationWorkers();
  await log.close();
});

const parallel = async () =>
  verifyLogInParallel(log.db, {
    jwks: await log.keys.jwks(),
    databaseUrl: log.database.url,
    workers: 2,
    batchSize: 400,
  });

describe('verification on worker threads', () => {
  it('verifies a sound log as the single-threaded verification does, on two workers when there is a server', async () => {
    const { workers, ...result } = await parallel();
    expect(result).toEqual(await log.verify());
    expect(result.ok).toBe(true);
    expect(result.checkpointsChecked).toBe(2);
    expect(workers).toBe(log.database.kind === 'postgresql' ? 2 : 0);
  });

  it('says, as the single-threaded verification does, when the stored Merkle tree no longer gives the signed root', async () => {
    // Every entry still verifies, so the workers' answer stands: it must check the stored tree as verifyLog does.
    // The node over the first 2,048 leaves is one of the four a root at 3,201 is read from.
    const node = await log.db('audit_tree_nodes').where({ level: 11, idx: 0 }).first('hash');
    expect(node).toBeDefined();
    const asSuperuser = (statement: string | [string, unknown[]]) =>
      log.tamper(
        'alter table audit_tree_nodes disable trigger user',
        statement,
        'alter table audit_tree_nodes enable trigger user',
      );
    await asSuperuser(
      `update audit_tree_nodes set hash = decode(repeat('00', 32), 'hex') where level = 11 and idx = 0`,
    );
    try {
      const { workers, ...result } = await parallel();
      expect(result.ok).toBe(false);
      expect(result.protection.problems).toEqual([
        'the stored Merkle tree does not give the root signed at 3201 entries: proofs served from it will not verify',
      ]);
      expect(result).toEqual(await log.verify());
      expect(workers).toBe(log.database.kind === 'postgresql' ? 2 : 0);
    } finally {
      await asSuperuser(['update audit_tree_nodes set hash = ? where level = 11 and idx = 0', [node!.hash]]);
    }
    expect((await parallel()).ok).toBe(true);
  });

  it('says, as the single-threaded verification does, when search columns were changed behind the hashed text', async () => {
    // Checked by the workers in their own reads of their ranges: two entries in two ranges, counted together.
    await log.tamper(`update audit_log set party = 'hmrc' where seq in (9, 1500)`);
    const { workers, ...result } = await parallel();
    expect(result.ok).toBe(false);
    expect(result.protection.problems).toEqual([
      'the search columns of 2 entries, from entry 9, do not say what their hashed text says',
    ]);
    expect(result).toEqual(await log.verify());
    expect(workers).toBe(log.database.kind === 'postgresql' ? 2 : 0);
  });

  it('names the same first bad entry as the single-threaded verification when one was edited', async () => {
    await log.tamper(`update audit_log set body_canonical = body_canonical || ' ' where seq = 1234`);
    const { workers: _workers, ...result } = await parallel();
    expect(result.firstBad).toMatchObject({ seq: 1234, problem: 'edited' });
    expect(result).toEqual(await log.verify());
  });
});
