// `export`: the signed export of the whole log or a time range, streamed to stdout or a file. Unlike the HTTP API
// (capped at 100,000 entries) it has no cap.
import fs from 'node:fs';
import { createCheckpointer } from '../checkpoints.ts';
import { exportLines, type ExportFormat } from '../export.ts';
import { writeLines } from '../retention.ts';
import { fileKeyRing } from '../signing-keys.ts';
import { UsageError } from './cli-error.ts';
import { withDatabase } from './database.ts';
import { count, type Command } from './context.ts';
import { intOption, isoOption, parse } from './options.ts';
import { progressReporter } from './progress.ts';

export const exportCommand: Command = {
  name: 'export',
  synopsis: 'export [--format jsonl|csv] [--from ISO] [--to ISO] [--out file] [--progress-ms n]',
  summary: 'write a signed export of the log (every entry, or those recorded from --from to before --to)',
  async run(ctx) {
    const { values } = parse(
      ctx.args,
      {
        format: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        out: { type: 'string' },
        'progress-ms': { type: 'string' },
      },
      { min: 0, max: 0 },
    );
    const format = (values.format ?? 'jsonl') as ExportFormat;
    if (format !== 'jsonl' && format !== 'csv') throw new UsageError('--format must be jsonl or csv');
    const from = isoOption('from', values.from);
    const to = isoOption('to', values.to);
    if (from && to && from >= to) throw new UsageError('--from must be earlier than --to');
    const progress = progressReporter(
      'export',
      'entries written',
      intOption('progress-ms', values['progress-ms'], 1000),
      ctx.err,
    );
    const config = ctx.config();
    const keys = fileKeyRing(config.auditCheckpoints.keysDir);
    return withDatabase(config, async (db) => {
      const checkpoints = createCheckpointer(db, keys, { every: config.auditCheckpoints.every, seconds: 0 });
      const lines = exportLines(
        { db, checkpoints, keys },
        { format, from: from?.toISOString() ?? null, to: to?.toISOString() ?? null },
      );
      // The manifest leads (and, in CSV, the header row); every line after them is one entry.
      const leading = format === 'csv' ? 2 : 1;
      let total = 0;
      let seen = 0;
      async function* counted() {
        for await (const line of lines) {
          if (seen === 0)
            total = (JSON.parse(format === 'csv' ? line.slice(2) : line) as { manifest: { count: number } }).manifest
              .count;
          seen += 1;
          if (seen > leading) progress.update(seen - leading, total);
          yield line;
        }
      }
      if (typeof values.out === 'string') {
        const partial = `${values.out}.partial`;
        try {
          await writeLines(partial, counted());
          fs.renameSync(partial, values.out);
        } finally {
          fs.rmSync(partial, { force: true });
        }
        ctx.err(`export: ${count(total)} entries written to ${values.out}`);
      } else {
        for await (const line of counted()) {
          if (!(await ctx.stream(line))) break;
        }
        if (!ctx.readerGone()) ctx.err(`export: ${count(total)} entries written`);
      }
      return 0;
    });
  },
};
