// `verify-receipt`: checks a receipt (GET /v1/audit/entries/{id}/receipt) offline against a JWKS: the one given
// with --jwks, or else the keys this gateway publishes.
import type { Receipt } from '../receipts.ts';
import { verifyReceipt } from '../verify-receipt.ts';
import type { Command } from './context.ts';
import { publishedJwks, readJsonFile, readJwks } from './keys.ts';
import { parse } from './options.ts';

export const verifyReceiptCommand: Command = {
  name: 'verify-receipt',
  synopsis: 'verify-receipt <file> [--jwks file-or-url]',
  summary: 'check a receipt offline against the published keys',
  async run(ctx) {
    const { values, positionals } = parse(ctx.args, { jwks: { type: 'string' } }, { min: 1, max: 1 });
    const receipt = readJsonFile(positionals[0]!, 'a receipt') as Receipt;
    const jwks = typeof values.jwks === 'string' ? await readJwks(values.jwks) : await publishedJwks(ctx.config());
    const check = await verifyReceipt(receipt, jwks);
    if (!check.ok) {
      ctx.out(`FAILED: ${check.problem}`);
      return 1;
    }
    ctx.out(
      `ok: entry ${receipt.entry.seq} is in the log of ${check.treeSize} entries signed at ${check.checkpointTime}.`,
    );
    return 0;
  },
};
