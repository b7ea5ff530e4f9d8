// `witness`: what a second party (the ICO, a partner department) runs to witness the log.
//   witness init --name <name> --key <file>    makes an Ed25519 key (0600) and prints the vkey to register
//   witness run --gateway <url> --key <file> --state <file> [--origin <origin>]
// `run` reads the bearer token of a gateway client that may read checkpoints (role partner or dpo) from
// WITNESS_TOKEN, checks the newest checkpoint against what the state file says it saw, cosigns it and sends the
// cosignature. It exits 1, saying why, when the log was rewritten; the state is then left as it was.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ed25519PrivateKey, rawPublicKey, signatureType, validName, verifierKey } from '../checkpoint-note.ts';
import { witnessOnce, type WitnessState } from '../witness/witness.ts';
import { CliError, UsageError } from './cli-error.ts';
import type { Command } from './context.ts';
import { readJsonFile } from './keys.ts';
import { parse } from './options.ts';

interface KeyFile {
  name: string;
  seed: string;
}

function writeAtomically(file: string, text: string, mode: number) {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.writeFileSync(temporary, text, { mode });
  fs.renameSync(temporary, file);
}

export const witnessCommand: Command = {
  name: 'witness',
  synopsis: 'witness init --name n --key file | witness run --gateway url --key file --state file [--origin o]',
  summary: 'witness the log: check it only grew, cosign its checkpoint (token in WITNESS_TOKEN)',
  async run(ctx) {
    const { values, positionals } = parse(
      ctx.args,
      {
        name: { type: 'string' },
        key: { type: 'string' },
        gateway: { type: 'string' },
        state: { type: 'string' },
        origin: { type: 'string' },
      },
      { min: 1, max: 1 },
    );
    const keyFile = values.key;
    if (typeof keyFile !== 'string') throw new UsageError('--key is required');
    if (positionals[0] === 'init') {
      const name = values.name;
      if (typeof name !== 'string' || !validName(name))
        throw new UsageError('--name must be a key name without spaces or "+", e.g. ico.org.uk/audit-witness');
      if (fs.existsSync(keyFile)) throw new CliError(`${keyFile} exists: a witness keeps its key`);
      const seed = randomBytes(32);
      writeAtomically(keyFile, JSON.stringify({ name, seed: seed.toString('base64') } satisfies KeyFile), 0o600);
      ctx.out(verifierKey(name, signatureType.cosignature, rawPublicKey(ed25519PrivateKey(seed))));
      return 0;
    }
    if (positionals[0] !== 'run') throw new UsageError('the first argument is init or run');
    if (typeof values.gateway !== 'string' || typeof values.state !== 'string')
      throw new UsageError('run needs --gateway and --state');
    const token = process.env.WITNESS_TOKEN;
    if (!token) throw new CliError('WITNESS_TOKEN must hold a bearer token for the gateway', 2);
    const { name, seed } = readJsonFile(keyFile, 'a witness key') as KeyFile;
    const state = fs.existsSync(values.state)
      ? (readJsonFile(values.state, 'the witness state') as WitnessState)
      : null;
    const run = await witnessOnce({
      gateway: values.gateway,
      token,
      name,
      key: ed25519PrivateKey(Buffer.from(seed, 'base64')),
      state,
      ...(typeof values.origin === 'string' ? { origin: values.origin } : {}),
    });
    if (run.state && run.state !== state)
      writeAtomically(values.state, `${JSON.stringify(run.state, null, 2)}\n`, 0o600);
    if (!run.ok) {
      ctx.out(`REFUSED: ${run.reason}`);
      return 1;
    }
    ctx.out(
      `cosigned: ${run.state.origin} at ${run.cosigned} entries${run.from === null ? ' (first checkpoint seen)' : `, consistent with ${run.from}`}.`,
    );
    return 0;
  },
};
