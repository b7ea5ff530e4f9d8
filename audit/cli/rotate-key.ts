// `rotate-key`: a new checkpoint signing key becomes the active one. The old keys stay in the directory, and so
// in the published JWKS, so that every checkpoint and receipt signed before still verifies. A running gateway
// signs with the new key from its next checkpoint (the directory is read on each use).
import fs from 'node:fs';
import { fileKeyRing } from '../signing-keys.ts';
import type { Command } from './context.ts';
import { parse } from './options.ts';

export const rotateKeyCommand: Command = {
  name: 'rotate-key',
  synopsis: 'rotate-key',
  summary: 'make a new checkpoint signing key active (old keys stay published)',
  async run(ctx) {
    parse(ctx.args, {}, { min: 0, max: 0 });
    const dir = ctx.config().auditCheckpoints.keysDir;
    const ring = fileKeyRing(dir);
    const before = fs.existsSync(dir) ? (await ring.jwks()).keys.length : 0;
    const key = await ring.rotate();
    const published = (await ring.jwks()).keys.length;
    ctx.out(`ok: key ${key.kid} now signs checkpoints; ${published} keys published (${before} before).`);
    return 0;
  },
};
