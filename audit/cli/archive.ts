// `archive`: retention (RETENTION.md). Moves the entries recorded before --before (by default, the start of the
// retention period) out of the database into a verified archive file under --out, a whole segment ending at a
// signed checkpoint, and records the archive in the log.
import { createAuditAppender } from '../append.ts';
import { ArchiveRefused, archiveBefore, retentionCutoff } from '../retention.ts';
import { fileKeyRing } from '../signing-keys.ts';
import { CliError, UsageError } from './cli-error.ts';
import { withDatabase } from './database.ts';
import { count, type Command } from './context.ts';
import { intOption, isoOption, parse } from './options.ts';
import { progressReporter } from './progress.ts';

export const archiveCommand: Command = {
  name: 'archive',
  synopsis: 'archive --out dir [--before ISO] [--progress-ms n]',
  summary: 'move entries older than the retention period to a verified archive file',
  async run(ctx) {
    const { values } = parse(
      ctx.args,
      { before: { type: 'string' }, out: { type: 'string' }, 'progress-ms': { type: 'string' } },
      { min: 0, max: 0 },
    );
    if (typeof values.out !== 'string') throw new UsageError('--out dir is required');
    const config = ctx.config();
    const before = isoOption('before', values.before) ?? retentionCutoff(new Date(), config.auditRetentionDays);
    const progress = progressReporter(
      'archive',
      'entries written',
      intOption('progress-ms', values['progress-ms'], 1000),
      ctx.err,
    );
    const keys = fileKeyRing(config.auditCheckpoints.keysDir);
    return withDatabase(config, async (db) => {
      const outcome = await archiveBefore(
        {
          db,
          appender: createAuditAppender(db),
          keys,
          retentionDays: config.auditRetentionDays,
          onProgress: (done, total) => progress.update(done, total),
        },
        { before, outDir: values.out as string },
      ).catch((error: unknown) => {
        throw error instanceof ArchiveRefused ? new CliError(error.message) : error;
      });
      if (!outcome.archived) {
        ctx.out(`nothing archived: ${outcome.reason}.`);
        return 0;
      }
      ctx.out(
        `ok: entries ${count(outcome.firstSeq)}–${count(outcome.lastSeq)} (${count(outcome.count)}) archived to ${outcome.file} (sha256 ${outcome.digest}) and removed from the database.`,
      );
      return 0;
    });
  },
};
