// `verify-export`: checks an export or archive file with no database (verify-export.ts). With --jwks the
// signatures are checked against the key set given; without, only against the keys the file carries, and the
// summary says so.
import { fileLines } from '../retention.ts';
import { verifyExport } from '../verify-export.ts';
import { count, type Command } from './context.ts';
import { readJwks, requireReadableFile } from './keys.ts';
import { parse } from './options.ts';

export const verifyExportCommand: Command = {
  name: 'verify-export',
  synopsis: 'verify-export <file> [--jwks file-or-url]',
  summary: 'check an export or archive file offline',
  async run(ctx) {
    const { values, positionals } = parse(ctx.args, { jwks: { type: 'string' } }, { min: 1, max: 1 });
    const file = positionals[0]!;
    requireReadableFile(file);
    const jwks = typeof values.jwks === 'string' ? await readJwks(values.jwks) : undefined;
    const check = await verifyExport(fileLines(file), jwks);
    if (!check.ok) {
      const where = check.firstBad!.seq === null ? '' : ` at entry ${check.firstBad!.seq}`;
      ctx.out(`FAILED${where} (${check.firstBad!.problem}): ${check.firstBad!.detail}`);
      return 1;
    }
    const keys =
      check.keys === 'supplied'
        ? 'the key set given'
        : 'the keys the file itself carries (pass --jwks to check against the published keys)';
    ctx.out(`ok: ${count(check.checked)} entries verified, signatures checked against ${keys}.`);
    return 0;
  },
};
