// The secrets a production start (SANDBOX=false) takes from its settings, made as an operator would, in a
// directory of their own beside (not inside) the data directory: an HMAC key file, a checkpoint signing key and a
// batch-callback signing key.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileKeyRing } from '../../audit/signing-keys.ts';

export async function productionKeys(secretsDir: string): Promise<{
  AUDIT_HMAC_KEY_FILE: string;
  AUDIT_SIGNING_KEYS_DIR: string;
  CALLBACK_SIGNING_KEYS_DIR: string;
  kid: string;
}> {
  fs.mkdirSync(secretsDir, { recursive: true, mode: 0o700 });
  const hmacFile = path.join(secretsDir, 'audit-hmac.key');
  fs.writeFileSync(hmacFile, randomBytes(32).toString('base64'), { mode: 0o600 });
  const signingDir = path.join(secretsDir, 'audit-signing-keys');
  const key = await fileKeyRing(signingDir).rotate();
  const callbackDir = path.join(secretsDir, 'callback-signing-keys');
  await fileKeyRing(callbackDir).rotate();
  return {
    AUDIT_HMAC_KEY_FILE: hmacFile,
    AUDIT_SIGNING_KEYS_DIR: signingDir,
    CALLBACK_SIGNING_KEYS_DIR: callbackDir,
    kid: key.kid,
  };
}
