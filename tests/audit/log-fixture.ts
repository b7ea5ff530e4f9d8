// A fresh database holding a real chain (written through the appender) and a signed checkpoint, for tests that
// tamper with it directly as a superuser would.
import type { Knex } from 'knex';
import { createAuditAppender } from '../../audit/append.ts';
import { createCheckpointer } from '../../audit/checkpoints.ts';
import { appendSampleEntries } from '../../audit/sample-entries.ts';
import { memoryKeyRing, type AuditKeyRing } from '../../audit/signing-keys.ts';
import { verifyLog } from '../../audit/verify.ts';
import { migrate } from '../../schema/migrations.ts';
import { openTestDatabase, type TestDatabase } from '../support/database.ts';

export interface LogFixture {
  database: TestDatabase;
  db: Knex;
  keys: AuditKeyRing;
  /** Appends about n more entries and signs a checkpoint over the whole log. */
  grow(n: number): Promise<void>;
  verify(options?: { deep?: boolean; batchSize?: number }): ReturnType<typeof verifyLog>;
  /** Runs SQL as the superuser with the append-only triggers switched off, as an insider would. */
  tamper(...statements: (string | [string, unknown[]])[]): Promise<void>;
  close(): Promise<void>;
}

export async function openLogFixture(entries: number): Promise<LogFixture> {
  const database = await openTestDatabase();
  const db = database.db;
  await migrate(db);
  const keys = memoryKeyRing();
  const appender = createAuditAppender(db);
  const checkpointer = createCheckpointer(db, keys, { every: 1_000_000, seconds: 0 });
  const fixture: LogFixture = {
    database,
    db,
    keys,
    async grow(n) {
      await appendSampleEntries(appender, n, 25);
      await checkpointer.checkpointNow();
    },
    verify: async (options = {}) => verifyLog(db, { jwks: await keys.jwks(), ...options }),
    async tamper(...statements) {
      await db.raw('alter table audit_log disable trigger user');
      try {
        for (const s of statements) await (typeof s === 'string' ? db.raw(s) : db.raw(s[0], s[1] as never));
      } finally {
        await db.raw('alter table audit_log enable trigger user');
      }
    },
    close: () => database.drop(),
  };
  await fixture.grow(entries);
  return fixture;
}
