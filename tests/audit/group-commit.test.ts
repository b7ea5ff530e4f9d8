// Group commit on the exchange path: requests that arrive while a commit is in flight share the next one. The
// chain stays one chain, a request that fails alone fails alone, and when a commit fails nobody in it is told
// their entry is durable.
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditAppender, type AuditAppender } from '../../audit/append.ts';
import { decisionEntry, registerChangeEntry } from '../../audit/entry-kinds.ts';
import type { BatchReader } from '../../audit/group-commit.ts';
import { toEntry } from '../../audit/read.ts';
import { anyBody } from '../../audit/types.ts';
import { entryHash } from '../../audit/entry-hash.ts';
import { migrate } from '../../schema/migrations.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

let database: TestDatabase;
let db: Knex;
let appender: AuditAppender;
beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
  await migrate(db);
  appender = createAuditAppender(db);
});
afterAll(() => database.drop());

const decision = (n: number, requestId = `request-${n}`) =>
  decisionEntry({
    exchange: 'dfe.child-trace',
    party: 'home-office-ie',
    clientId: 'ie-removals-casework',
    requestId,
    decisionDate: '2026-11-23',
    decision: 'permit',
    rules: [],
    obligations: [],
    agreement: { id: 'a', version: '1' },
    directives: [],
  });

async function chainIsWhole() {
  const entries = (await db('audit_log').orderBy('seq')).map(toEntry);
  entries.forEach((entry, i) => {
    expect(entry.seq).toBe(i + 1);
    expect(entry.hash).toBe(entryHash(entry));
    if (i > 0) expect(entry.prevHash).toBe(entries[i - 1]!.hash);
  });
  return entries;
}

describe('group commit', () => {
  it('commits simultaneous requests together, each seeing the ones before it in its batch, in one chain', async () => {
    const seenPending: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) =>
        appender.appendGrouped((batch) => {
          seenPending.push(batch.pending.length);
          return { entries: [decision(n)], result: n };
        }),
      ),
    );
    expect(results.map((r) => r.result)).toEqual(Array.from({ length: 40 }, (_, n) => n));
    // The first request went alone; those that waited for it were committed together in a later batch.
    expect(seenPending[0]).toBe(0);
    expect(Math.max(...seenPending)).toBeGreaterThan(0);
    const entries = await chainIsWhole();
    expect(new Set(results.map((r) => r.stored[0]!.id))).toEqual(new Set(entries.slice(-40).map((e) => e.id)));
  });

  it('fails a request whose own build fails, and commits the others of its batch', async () => {
    const before = await db('audit_log').count({ n: '*' }).first();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, n) =>
        appender.appendGrouped(() => {
          if (n === 4) throw new Error('this request alone');
          return { entries: [decision(n)], result: n };
        }),
      ),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(1);
    const after = await db('audit_log').count({ n: '*' }).first();
    expect(Number(after!.n) - Number(before!.n)).toBe(9);
    await chainIsWhole();
  });

  it('fails alone a request whose entry the database could not store (a NUL character), and commits its batch', async () => {
    const before = Number((await db('audit_log').count({ n: '*' }).first())!.n);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, n) =>
        appender.appendGrouped(() => ({ entries: [n === 3 ? decision(n, 'a\u0000b') : decision(n)], result: n })),
      ),
    );
    expect(outcomes.map((o) => o.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(Number((await db('audit_log').count({ n: '*' }).first())!.n) - before).toBe(7);
    await chainIsWhole();
  });

  it('reads what a batch needs once for the whole batch, under the lock, whatever its size', async () => {
    const reads: number[] = [];
    const reader: BatchReader<number, { generation: number; needs: number[] }> = {
      column: 'select 41 + 1',
      async read(_query, value, needs) {
        reads.push(needs.length);
        return { reads: { generation: Number(value), needs } };
      },
    };
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        appender.appendGrouped({ reader, need: n, build: ({ reads: r }) => ({ entries: [decision(n)], result: r }) }),
      ),
    );
    // 30 requests: the first alone, then the rest in as few batches as arrived meanwhile, each read once.
    expect(reads.reduce((a, b) => a + b, 0)).toBe(30);
    expect(reads.length).toBeLessThan(30);
    expect(results.every((r) => r.result.generation === 42 && r.result.needs.length >= 1)).toBe(true);
    await chainIsWhole();
  });

  it('rolls back and tries a batch again once, when a reader holds less than the database says, then commits it', async () => {
    let refreshed = 0;
    const reader: BatchReader<null, number> = {
      column: 'select 7',
      async read(_query, value) {
        return refreshed === 0
          ? {
              refresh: async () => {
                refreshed += 1;
              },
            }
          : { reads: Number(value) };
      },
    };
    const before = Number((await db('audit_log').count({ n: '*' }).first())!.n);
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, n) =>
        appender.appendGrouped({
          reader,
          need: null,
          build: ({ reads: r }) => ({ entries: [decision(n)], result: r }),
        }),
      ),
    );
    expect(refreshed).toBe(1);
    expect(results.map((r) => r.result)).toEqual([7, 7, 7]);
    expect(Number((await db('audit_log').count({ n: '*' }).first())!.n) - before).toBe(3);
    await chainIsWhole();
  });

  it('stores any text exactly as it was hashed, though the batch is sent as one script of literals', async () => {
    const awkward = [
      "it's",
      "back\\slash \\' quote",
      '$$; drop table audit_log; --',
      "E'\\x00'",
      'line\nbreak\ttab',
      'Zoë Ó Briain 𝔘',
      '\\u0027',
    ];
    const results = await Promise.all(
      awkward.map((text) => appender.appendGrouped(() => ({ entries: [decision(0, text)], result: text }))),
    );
    const stored = await Promise.all(
      results.map(async (r) => toEntry(await db('audit_log').where({ id: r.stored[0]!.id }).first())),
    );
    expect(stored.map((e) => anyBody(e).requestId)).toEqual(awkward);
    await chainIsWhole();
  });

  it('gives a reader what it asked to have read with the head, and reads nothing for a reader that asks for nothing', async () => {
    const seen: unknown[] = [];
    const guessing: BatchReader<number, number> = {
      column: 'select 1',
      prefetch: (needs) => ({ column: `select ${needs.length} * 10`, guess: 'held' }),
      async read(_query, _value, needs, prefetched) {
        seen.push(prefetched);
        return { reads: needs.length };
      },
    };
    const silent: BatchReader<number, number> = {
      column: 'select 1',
      prefetch: () => null,
      async read(_query, _value, needs, prefetched) {
        seen.push(prefetched ?? 'nothing');
        return { reads: needs.length };
      },
    };
    await appender.appendGrouped({
      reader: guessing,
      need: 1,
      build: () => ({ entries: [decision(1)], result: null }),
    });
    await appender.appendGrouped({ reader: silent, need: 1, build: () => ({ entries: [decision(2)], result: null }) });
    expect(seen).toEqual([{ value: 10, guess: 'held' }, 'nothing']);
    await chainIsWhole();
  });

  it('tells no one their entry is durable when the commit fails, and writes nothing', async () => {
    const before = Number((await db('audit_log').count({ n: '*' }).first())!.n);
    await db.raw('alter table audit_log rename to audit_log_away');
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, (_, n) => appender.appendGrouped(() => ({ entries: [decision(n)], result: n }))),
      );
      expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    } finally {
      await db.raw('alter table audit_log_away rename to audit_log');
    }
    expect(Number((await db('audit_log').count({ n: '*' }).first())!.n)).toBe(before);
    // And the next request after the failure is committed as usual.
    await appender.appendGrouped(() => ({ entries: [decision(99)], result: null }));
    await chainIsWhole();
  });

  it('keeps one chain when two gateway processes append in turn, each after the other moved the head', async () => {
    // Each appender reads the head under the chain lock, so the other's append in between is always built on.
    const other = createAuditAppender(db);
    const before = Number((await db('audit_log').count({ n: '*' }).first())!.n);
    const ids: string[] = [];
    for (let n = 0; n < 12; n += 1) {
      const by = n % 2 === 0 ? appender : other;
      const { stored } = await by.appendGrouped(() => ({ entries: [decision(n, `turn-${n}`)], result: n }));
      ids.push(stored[0]!.id);
    }
    const entries = await chainIsWhole();
    expect(entries.slice(before).map((e) => e.id)).toEqual(ids);
    expect(entries.slice(before).map((e) => anyBody(e).requestId)).toEqual(ids.map((_, n) => `turn-${n}`));
  });

  it('keeps one chain, with every entry once, when two processes append at once', async () => {
    // Two processes' group commits queue for the one chain lock; each batch links onto the head it reads under it.
    const other = createAuditAppender(db);
    const before = Number((await db('audit_log').count({ n: '*' }).first())!.n);
    const results = await Promise.all(
      Array.from({ length: 200 }, async (_, n) => {
        await new Promise((resolve) => setTimeout(resolve, (n * 7) % 40));
        const by = n % 2 === 0 ? appender : other;
        return by.appendGrouped(() => ({ entries: [decision(n, `both-${n}`)], result: n }));
      }),
    );
    expect(results.map((r) => r.result)).toEqual(Array.from({ length: 200 }, (_, n) => n));
    const entries = (await chainIsWhole()).slice(before);
    expect(entries.map((e) => anyBody(e).requestId).sort()).toEqual(
      Array.from({ length: 200 }, (_, n) => `both-${n}`).sort(),
    );
    expect(new Set(results.map((r) => r.stored[0]!.seq)).size).toBe(200);
  });

  it('interleaves with exclusive appends (register changes) without forking the chain', async () => {
    await Promise.all(
      Array.from({ length: 30 }, (_, n) =>
        n % 3 === 0
          ? appender.append(async () => ({
              entries: [registerChangeEntry({ action: 'test', actor: 'test', after: { n } })],
              result: n,
            }))
          : appender.appendGrouped(() => ({ entries: [decision(n)], result: n })),
      ),
    );
    await chainIsWhole();
  });
});
