// `verify-consistency`: checks offline that two checkpoints (GET /v1/audit/checkpoint, saved at two times) are of
// one log that only grew, with the consistency proof between them (GET /v1/audit/proofs/consistency).
import fs from 'node:fs';
import { checkConsistency } from '../verify-consistency.ts';
import { CliError } from './cli-error.ts';
import type { Command } from './context.ts';
import { publishedJwks, readJsonFile, readJwks } from './keys.ts';
import { parse } from './options.ts';

const readText = (file: string, what: string) => {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new CliError(`cannot read ${what} ${file}`);
  }
};

export const verifyConsistencyCommand: Command = {
  name: 'verify-consistency',
  synopsis: 'verify-consistency <older checkpoint> <newer checkpoint> <proof.json> [--jwks file-or-url] [--origin o]',
  summary: 'check offline that the log only grew between two signed checkpoints',
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.args,
      { jwks: { type: 'string' }, origin: { type: 'string' } },
      { min: 3, max: 3 },
    );
    const [older, newer, proofFile] = positionals as [string, string, string];
    const jwks = typeof values.jwks === 'string' ? await readJwks(values.jwks) : await publishedJwks(ctx.config());
    const proof = readJsonFile(proofFile, 'a consistency proof') as Record<string, unknown>;
    const check = checkConsistency(
      readText(older, 'the checkpoint'),
      readText(newer, 'the checkpoint'),
      proof,
      jwks,
      typeof values.origin === 'string' ? values.origin : undefined,
    );
    if (!check.ok) {
      ctx.out(`FAILED: ${check.problem}`);
      return 1;
    }
    ctx.out(`ok: the log ${check.origin} of ${check.to} entries extends the one of ${check.from} entries.`);
    return 0;
  },
};
