// `verify`: checks the database's log entry by entry and against the signed checkpoints, as GET /v1/audit/verify
// does, with the keys the gateway publishes (or a JWKS given with --jwks).
import { checkOf, createChainHealth } from '../chain-health.ts';
import { checkArchiveFiles } from '../retention-check.ts';
import { latestArchive } from '../retention-store.ts';
import { verifyLogInParallel } from '../verify-parallel.ts';
import { verifyLog } from '../verify.ts';
import { withDatabase } from './database.ts';
import { count, type Command } from './context.ts';
import { publishedJwks, readJwks } from './keys.ts';
import { intOption, parse } from './options.ts';
import { progressReporter } from './progress.ts';

export const verifyCommand: Command = {
  name: 'verify',
  synopsis: 'verify [--jwks file-or-url] [--archives dir] [--progress-ms n] [--workers n]',
  summary: "verify the configured database's log against its signed checkpoints",
  async run(ctx) {
    const { values } = parse(
      ctx.args,
      {
        jwks: { type: 'string' },
        archives: { type: 'string' },
        'progress-ms': { type: 'string' },
        workers: { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    const workers = intOption('workers', values.workers, 0);
    const config = ctx.config();
    const jwks = typeof values.jwks === 'string' ? await readJwks(values.jwks) : await publishedJwks(config);
    const progress = progressReporter(
      'verify',
      'entries checked',
      intOption('progress-ms', values['progress-ms'], 1000),
      ctx.err,
    );
    return withDatabase(config, async (db) => {
      const archive = await latestArchive(db);
      // With --workers n (on a PostgreSQL server) the hashing is split across n threads; the answer is the same.
      const result =
        workers > 0
          ? await verifyLogInParallel(db, { jwks, databaseUrl: config.databaseUrl, workers })
          : await verifyLog(db, { jwks, onProgress: ({ checked, total }) => progress.update(checked, total) });
      // Recorded as the gateway's own verifications are: a failure stops exchanges, a pass after a break resumes them.
      // A read-only auditor's role may not record; the verification itself still stands.
      await createChainHealth(db)
        .record(checkOf(result))
        .catch((error: Error) =>
          ctx.err(`verify: the result could not be recorded for the gateway (${error.message.split('\n')[0]})`),
        );
      let archived = archive
        ? `, after entries 1–${count(archive.lastSeq)} archived (pass --archives dir to check their files too)`
        : '';
      if (typeof values.archives === 'string') {
        const files = await checkArchiveFiles(db, values.archives, jwks);
        if (!files.ok) {
          ctx.out(
            `FAILED${files.seq === null ? '' : ` at entry ${files.seq}`} (archive ${files.file}): ${files.problem}`,
          );
          return 1;
        }
        archived = `, and ${count(files.entries)} archived entries in ${count(files.files)} archive files`;
      }
      for (const problem of result.protection.problems) ctx.err(`protection: ${problem}`);
      for (const w of result.witnesses) {
        ctx.out(
          w.treeSize === null
            ? `witness ${w.name}: has cosigned nothing yet`
            : `witness ${w.name}: has seen ${count(w.treeSize)} entries (cosigned ${w.cosignedAt})${w.verified ? '' : ', but that cosignature does not hold for the log as it is now'}`,
        );
      }
      if (result.firstBad) {
        ctx.out(`FAILED at entry ${result.firstBad.seq} (${result.firstBad.problem}): ${result.firstBad.detail}`);
        ctx.out(`${count(result.checked)} entries verified before it${archived}.`);
        return 1;
      }
      const summary = `${count(result.checked)} entries verified up to entry ${count(result.head)}, against ${count(result.checkpointsChecked)} signed checkpoints${archived}.`;
      if (!result.ok) {
        ctx.out(`FAILED: the entries verify, but the database no longer protects the log. ${summary}`);
        return 1;
      }
      ctx.out(`ok: ${summary}`);
      return 0;
    });
  },
};
