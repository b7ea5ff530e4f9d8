// Chain verification against a plain scan of the same table: the scan reads every entry in the same keyset
// batches verification uses and does nothing with them, so the ratio is what hashing and checking cost.
import type { Knex } from 'knex';
import { createAuditAppender } from '../audit/append.ts';
import { chainBatches, headSeq } from '../audit/chain-reader.ts';
import { createCheckpointer } from '../audit/checkpoints.ts';
import { appendSampleEntries } from '../audit/sample-entries.ts';
import { memoryKeyRing } from '../audit/signing-keys.ts';
import { verifyLog } from '../audit/verify.ts';
import { round } from './support/stats.ts';

export async function benchChainVerification(db: Knex, entries: number, log: (line: string) => void) {
  log(`  verification: appending ${entries} entries`);
  await appendSampleEntries(createAuditAppender(db), entries, 2000);
  await db.raw('analyze audit_log');
  const keys = memoryKeyRing();
  await createCheckpointer(db, keys, { every: 1000, seconds: 0 }).checkpointNow();
  const head = await headSeq(db);

  const scans: number[] = [];
  const verifications: number[] = [];
  for (let round_ = 0; round_ < 3; round_++) {
    let started = performance.now();
    let scanned = 0;
    for await (const batch of chainBatches(db, 0, head, 10_000)) scanned += batch.length;
    scans.push(scanned / ((performance.now() - started) / 1000));
    started = performance.now();
    const result = await verifyLog(db, { jwks: await keys.jwks() });
    if (!result.ok) throw new Error(`the bench log does not verify: ${JSON.stringify(result.firstBad)}`);
    verifications.push(result.checked / ((performance.now() - started) / 1000));
    log(
      `  verification: round ${round_ + 1}: scan ${Math.round(scans.at(-1)!)}/s, verify ${Math.round(verifications.at(-1)!)}/s`,
    );
  }
  const best = (xs: number[]) => Math.max(...xs);
  return {
    entries: head,
    plainScanPerSecond: Math.round(best(scans)),
    verifyPerSecond: Math.round(best(verifications)),
    ratioToScan: round(best(verifications) / best(scans)),
  };
}
