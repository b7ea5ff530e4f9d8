// Measures verification and checkpointing speed on a fresh database holding `count` sample entries:
//   npx tsx audit/bench-verify.ts [count]                      (embedded PGlite, in memory)
//   DATABASE_URL=postgres://… npx tsx audit/bench-verify.ts [count]   (a new database on that server, dropped after)
import { createAuditAppender } from './append.ts';
import { createCheckpointer } from './checkpoints.ts';
import { appendSampleEntries } from './sample-entries.ts';
import { memoryKeyRing } from './signing-keys.ts';
import { verifyLog } from './verify.ts';
import { loadConfig } from '../platform/config.ts';
import { openScratchDatabase } from '../platform/db/scratch.ts';
import { migrate } from '../schema/migrations.ts';

const count = Number(process.argv[2] ?? 200_000);
const database = await openScratchDatabase(loadConfig(process.env).databaseUrl);
try {
  await migrate(database.db);
  let started = performance.now();
  const written = await appendSampleEntries(createAuditAppender(database.db), count, 2000);
  console.log(
    `${database.kind}: appended ${written} entries in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  await database.db.raw('analyze audit_log');
  const keys = memoryKeyRing();
  started = performance.now();
  const checkpoint = await createCheckpointer(database.db, keys, { every: 1000, seconds: 0 }).checkpointNow();
  const signSeconds = (performance.now() - started) / 1000;
  console.log(
    `checkpoint of ${checkpoint?.size} entries signed in ${signSeconds.toFixed(2)} s (${Math.round(written / signSeconds)} entries/s)`,
  );

  for (const batchSize of [5000, 10_000, 20_000]) {
    started = performance.now();
    const result = await verifyLog(database.db, { jwks: await keys.jwks(), batchSize });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `verify (batch ${batchSize}): ok=${result.ok} checked=${result.checked} in ${seconds.toFixed(2)} s = ${Math.round(result.checked / seconds)} entries/s`,
    );
  }
} finally {
  await database.drop();
}
